-- Claims or renews the probing of one instance for one node.
-- KEYS[1] the instance's lease; ARGV[1] node id, ARGV[2] lease (ms).
-- Returns 0 when the node holds the lease now, else the ms left on another node's lease.
local owner = redis.call('GET', KEYS[1])
if not owner or owner == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 0
end
-- At least 1: in the last millisecond of another node's lease PTTL is 0, which would read as "held".
return math.max(redis.call('PTTL', KEYS[1]), 1)

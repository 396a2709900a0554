-- Drops up to ARGV[2] readings older than the retention window; the cumulative count keeps them.
-- KEYS[1] index zset, KEYS[2] values hash; ARGV[1] oldest key kept, ARGV[2] max
-- Returns the number of readings dropped.
local keys = redis.call('ZRANGEBYLEX', KEYS[1], '-', '(' .. ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, key in ipairs(keys) do
  redis.call('ZREM', KEYS[1], key)
  redis.call('HDEL', KEYS[2], key)
end
return #keys

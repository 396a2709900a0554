-- Extends one active lease. An expired lease is left for the sweep.
-- KEYS[1] leases, KEYS[2] data; ARGV[1] streamId, ARGV[2] now, ARGV[3] new expiresAt
-- Returns the lease's data JSON, or nil when the lease is unknown or expired.
local expiresAt = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not expiresAt or tonumber(expiresAt) <= tonumber(ARGV[2]) then
  return false
end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return redis.call('HGET', KEYS[2], ARGV[1]) or '{}'

-- Ends one active lease. An expired lease is left for the sweep.
-- KEYS[1] leases, KEYS[2] data; ARGV[1] streamId, ARGV[2] now in ms or '' (this server's clock)
-- Returns 1 when an active lease was removed, 0 otherwise.
local now = now_ms(ARGV[2])
local expiresAt = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not expiresAt or tonumber(expiresAt) <= now then
  return 0
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1

-- Extends one active lease. An expired lease is left for the sweep.
-- KEYS[1] leases, KEYS[2] data; ARGV[1] streamId, ARGV[2] now in ms or '' (this server's clock),
-- ARGV[3] lease length in ms
-- Returns {new expiresAt, data}, or nil when the lease is unknown or expired.
local now = now_ms(ARGV[2])
local expiresAt = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not expiresAt or tonumber(expiresAt) <= now then
  return false
end
local renewed = now + tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], renewed, ARGV[1])
return {string.format('%.0f', renewed), redis.call('HGET', KEYS[2], ARGV[1]) or '0|{}'}

-- Removes up to ARGV[2] expired leases of one user and reports them, atomically, so that when
-- several Pulse nodes sweep at once each lease is removed (and announced) by exactly one.
-- KEYS[1] leases, KEYS[2] data; ARGV[1] now in ms or '' (this server's clock), ARGV[2] max
-- Returns {earliest remaining expiresAt or nil, (streamId, expiresAt, data) per removed lease}.
local now = now_ms(ARGV[1])
local out = {false}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))) do
  out[#out + 1] = id
  out[#out + 1] = redis.call('ZSCORE', KEYS[1], id)
  out[#out + 1] = redis.call('HGET', KEYS[2], id) or '0|{}'
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if first[2] then
  out[1] = first[2]
end
return out

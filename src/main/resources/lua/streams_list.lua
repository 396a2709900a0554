-- Lists one user's active leases and limit.
-- KEYS[1] leases, KEYS[2] data, KEYS[3] limit; ARGV[1] now in ms or '' (this server's clock)
-- Returns {custom limit or nil, (streamId, expiresAt, data) per active lease, soonest to expire first}.
local now = now_ms(ARGV[1])
local out = {redis.call('GET', KEYS[3])}
local active = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. string.format('%.0f', now), '+inf', 'WITHSCORES')
for i = 1, #active, 2 do
  out[#out + 1] = active[i]
  out[#out + 1] = active[i + 1]
  out[#out + 1] = redis.call('HGET', KEYS[2], active[i]) or '0|{}'
end
return out

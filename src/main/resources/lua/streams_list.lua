-- Lists one user's active leases and limit.
-- KEYS[1] leases, KEYS[2] data, KEYS[3] limit; ARGV[1] now
-- Returns {custom limit or nil, (streamId, expiresAt, data) per active lease, soonest to expire first}.
local out = {redis.call('GET', KEYS[3])}
local active = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf', 'WITHSCORES')
for i = 1, #active, 2 do
  out[#out + 1] = active[i]
  out[#out + 1] = active[i + 1]
  out[#out + 1] = redis.call('HGET', KEYS[2], active[i]) or '{}'
end
return out

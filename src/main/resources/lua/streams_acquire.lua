-- (Runs after lib/clock.lua, which defines now_ms.)
-- Admits, renews or refuses one stream of one user, atomically: drops the user's expired leases,
-- counts the active ones against the user's limit, and decides.
-- KEYS[1] leases zset (streamId -> expiresAt), KEYS[2] data hash (streamId -> "startedAt|JSON"),
-- KEYS[3] the user's own limit
-- ARGV[1] streamId, ARGV[2] now in ms, or '' to use this Redis server's clock (production: one
-- clock per user, whatever the Pulse nodes' clocks say), ARGV[3] lease length in ms,
-- ARGV[4] default limit, ARGV[5] JSON data of a new lease ({"contentId","deviceId"})
-- Returns {outcome, limit, #active, #listed, #expired, (streamId, expiresAt, data) per listed lease,
-- then per expired lease}. Listed: when refused, every active lease (the refusal names them);
-- otherwise the admitted or renewed lease alone.
local now = now_ms(ARGV[2])
local expiresAt = now + tonumber(ARGV[3])

local expired = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)) do
  expired[#expired + 1] = {id, redis.call('ZSCORE', KEYS[1], id), redis.call('HGET', KEYS[2], id) or '0|{}'}
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
end

local limit = tonumber(redis.call('GET', KEYS[3]) or ARGV[4])
local outcome
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], expiresAt, ARGV[1])
  outcome = 'RENEWED'
elseif redis.call('ZCARD', KEYS[1]) >= limit then
  outcome = 'REFUSED'
else
  redis.call('ZADD', KEYS[1], expiresAt, ARGV[1])
  redis.call('HSET', KEYS[2], ARGV[1], string.format('%.0f', now) .. '|' .. ARGV[5])
  outcome = 'ADMITTED'
end

local out
if outcome == 'REFUSED' then
  local active = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
  out = {outcome, limit, #active / 2, #active / 2, #expired}
  for i = 1, #active, 2 do
    out[#out + 1] = active[i]
    out[#out + 1] = active[i + 1]
    out[#out + 1] = redis.call('HGET', KEYS[2], active[i]) or '0|{}'
  end
else
  out = {outcome, limit, redis.call('ZCARD', KEYS[1]), 1, #expired,
    ARGV[1], string.format('%.0f', expiresAt), redis.call('HGET', KEYS[2], ARGV[1]) or '0|{}'}
end
for _, lease in ipairs(expired) do
  out[#out + 1] = lease[1]
  out[#out + 1] = lease[2]
  out[#out + 1] = lease[3]
end
return out

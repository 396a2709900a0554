-- Reads one statistics group's aggregates in one consistent step.
-- KEYS[1] aggregate hash, KEYS[2] time-to-acknowledge zset, KEYS[3] time-to-resolve zset
-- Returns {TRIGGERED, ACKNOWLEDGED, RESOLVED, ttaSum, ttrSum, ttaCount, ttaMin, ttaMax, ttrCount, ttrMin, ttrMax}
local counts = redis.call('HMGET', KEYS[1], 'TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED', 'ttaSum', 'ttrSum')
local out = {}
for i = 1, 5 do
  out[i] = counts[i] or '0'
end
for _, key in ipairs({KEYS[2], KEYS[3]}) do
  out[#out + 1] = redis.call('ZCARD', key)
  out[#out + 1] = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2] or false
  out[#out + 1] = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')[2] or false
end
return out

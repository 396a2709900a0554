-- Applies one device's batch atomically and in order: each reading is accepted, or refused as a
-- duplicate (its instant is stored already, or came earlier in this batch) or as too old.
-- KEYS[1] index zset (score 0, member = reading key: 20 digits sorting like the instant),
-- KEYS[2] values hash (key -> "count|format"), KEYS[3] summary hash (cumulative, latest, latestFormat)
-- ARGV[1] oldest key accepted ('' = no retention window), then per reading: key, count, format
-- Returns one code per reading: 1 accepted, 2 duplicate, 3 too old.
local out = {}
local cutoff = ARGV[1]
for i = 2, #ARGV, 3 do
  local key = ARGV[i]
  if cutoff ~= '' and key < cutoff then
    out[#out + 1] = 3
  elseif redis.call('HSETNX', KEYS[2], key, ARGV[i + 1] .. '|' .. ARGV[i + 2]) == 0 then
    out[#out + 1] = 2
  else
    redis.call('ZADD', KEYS[1], 0, key)
    redis.call('HINCRBY', KEYS[3], 'cumulative', ARGV[i + 1])
    local latest = redis.call('HGET', KEYS[3], 'latest')
    if not latest or key > latest then
      redis.call('HSET', KEYS[3], 'latest', key, 'latestFormat', ARGV[i + 2])
    end
    out[#out + 1] = 1
  end
end
return out

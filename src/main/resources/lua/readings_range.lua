-- Reads one device's summary and stored readings in time order, in one consistent step.
-- KEYS[1] index zset, KEYS[2] values hash, KEYS[3] summary hash
-- ARGV[1] lowest key ('-' or '[key' / '(key'), ARGV[2] highest key ('+' or '[key'), ARGV[3] max (0 = all)
-- Returns {cumulative or nil, latest, latestFormat, key, "count|format", key, ...}
local summary = redis.call('HMGET', KEYS[3], 'cumulative', 'latest', 'latestFormat')
local out = {summary[1] or false, summary[2] or false, summary[3] or false}
if not summary[1] then
  return out
end
local keys
if tonumber(ARGV[3]) > 0 then
  keys = redis.call('ZRANGEBYLEX', KEYS[1], ARGV[1], ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
else
  keys = redis.call('ZRANGEBYLEX', KEYS[1], ARGV[1], ARGV[2])
end
for _, key in ipairs(keys) do
  out[#out + 1] = key
  out[#out + 1] = redis.call('HGET', KEYS[2], key)
end
return out

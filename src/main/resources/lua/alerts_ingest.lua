-- Stores one alert and moves its contributions between statistics groups, atomically, provided the
-- stored alert is still the one the caller merged the event into (compare-and-set; the caller
-- reads again and retries otherwise). All keys share the hash tag {alerts}.
-- KEYS[1] data hash (alertId -> JSON); KEYS[2..n] one key per operation
-- ARGV[1] alertId, ARGV[2] the JSON the caller read ('' for a new alert), ARGV[3] the new JSON,
-- then per operation: op ('zadd' | 'zrem' | 'hincr'), a, b
--   zadd: ZADD key a(score) b(member); zrem: ZREM key b; hincr: HINCRBY key a(field) b(delta)
-- Returns 1 when stored, 0 when the alert changed meanwhile.
local current = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if current ~= ARGV[2] then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
local i = 4
for k = 2, #KEYS do
  local op, a, b = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if op == 'zadd' then
    redis.call('ZADD', KEYS[k], a, b)
  elseif op == 'zrem' then
    redis.call('ZREM', KEYS[k], b)
  else
    redis.call('HINCRBY', KEYS[k], a, b)
  end
  i = i + 3
end
return 1

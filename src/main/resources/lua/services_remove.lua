-- Removes a service and its instances, atomically.
-- ARGV[1] instance key prefix, ARGV[2] lease key prefix, ARGV[3] If-Match revision ('' none).
-- Returns {outcome, revision, instances removed}: outcome removed | missing | precondition.
-- The meta hash keeps the id sequence, so that ids are never reused.
local revision = tonumber(redis.call('HGET', KEYS[1], 'revision') or '0')
if revision == 0 then
  return {'missing', 0, 0}
end
if ARGV[3] ~= '' and tonumber(ARGV[3]) ~= revision then
  return {'precondition', revision, 0}
end
local ids = redis.call('ZRANGE', KEYS[3], 0, -1)
for _, id in ipairs(ids) do
  redis.call('DEL', ARGV[1] .. id, ARGV[2] .. id)
end
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('HDEL', KEYS[1], 'revision')
return {'removed', revision, #ids}

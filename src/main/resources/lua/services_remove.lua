-- Removes a service and its instances, atomically.
-- ARGV[1] instance key prefix, ARGV[2] lease key prefix, ARGV[3] If-Match revision ('' none).
-- Returns {outcome, revision}: outcome removed | missing | precondition.
local revision = tonumber(redis.call('HGET', KEYS[1], 'revision') or '0')
if revision == 0 then
  return {'missing', 0}
end
if ARGV[3] ~= '' and tonumber(ARGV[3]) ~= revision then
  return {'precondition', revision}
end
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  redis.call('DEL', ARGV[1] .. id, ARGV[2] .. id)
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
return {'removed', revision}

-- Removes one instance, atomically; removing the last one removes the service.
-- ARGV[1] instance key prefix, ARGV[2] lease key prefix, ARGV[3] id, ARGV[4] If-Match revision of
-- the instance ('' none). Returns {outcome, revision, remaining}: outcome removed | missing | precondition.
-- The meta hash keeps the id sequence, so that ids are never reused.
local key = ARGV[1] .. ARGV[3]
local revision = tonumber(redis.call('HGET', key, 'revision') or '0')
if revision == 0 then
  return {'missing', 0, 0}
end
if ARGV[4] ~= '' and tonumber(ARGV[4]) ~= revision then
  return {'precondition', revision, 0}
end
redis.call('HDEL', KEYS[2], redis.call('HGET', key, 'address'))
redis.call('ZREM', KEYS[3], ARGV[3])
redis.call('DEL', key, ARGV[2] .. ARGV[3])
local remaining = redis.call('ZCARD', KEYS[3])
if remaining == 0 then
  redis.call('DEL', KEYS[2], KEYS[3])
  redis.call('HDEL', KEYS[1], 'revision')
else
  redis.call('HINCRBY', KEYS[1], 'revision', 1)
end
return {'removed', revision, remaining}

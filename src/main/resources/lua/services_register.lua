-- Creates a service or adds/updates its instances, atomically.
-- ARGV[1] instance key prefix, ARGV[2] name, ARGV[3] version, ARGV[4] metadata JSON, ARGV[5] check
-- ('' none), ARGV[6] threshold ('' none), ARGV[7] initial status, ARGV[8] If-Match revision ('' none),
-- ARGV[9..] endpoints. An endpoint already registered keeps its id; other instances are untouched.
-- Returns {outcome, instances added, service...}: outcome created | updated | unchanged, or
-- {'precondition', revision}. The id sequence outlives the service: ids are never reused.
local prefix, name, version, metadata, check, threshold, initial, if_match =
  ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local revision = tonumber(redis.call('HGET', KEYS[1], 'revision') or '0')
if if_match ~= '' and tonumber(if_match) ~= revision then
  return {'precondition', revision}
end
local created = revision == 0
local sequence = tonumber(redis.call('HGET', KEYS[1], 'sequence') or '0')
local changed = false
local added = 0
for i = 9, #ARGV do
  local address = ARGV[i]
  local id = redis.call('HGET', KEYS[2], address)
  if not id then
    sequence = sequence + 1
    id = name .. '-' .. sequence
    redis.call('HSET', KEYS[2], address, id)
    redis.call('ZADD', KEYS[3], sequence, id)
    redis.call('HSET', prefix .. id, 'address', address, 'version', version, 'metadata', metadata,
      'check', check, 'threshold', threshold, 'status', initial, 'revision', 1, 'fails', 0, 'passes', 0,
      'order', sequence)
    added = added + 1
    changed = true
  else
    local key = prefix .. id
    local old = redis.call('HMGET', key, 'version', 'metadata', 'check')
    if old[1] ~= version or old[2] ~= metadata or old[3] ~= check then
      redis.call('HSET', key, 'version', version, 'metadata', metadata, 'check', check, 'threshold', threshold)
      redis.call('HINCRBY', key, 'revision', 1)
      if (old[3] == '') ~= (check == '') then
        -- A check added or removed: the health so far says nothing about the new regime.
        redis.call('HSET', key, 'status', initial, 'fails', 0, 'passes', 0)
        redis.call('HDEL', key, 'lastCheck', 'lastError', 'latencyMs')
      end
      changed = true
    end
  end
end
if changed then
  redis.call('HSET', KEYS[1], 'revision', revision + 1, 'sequence', sequence)
end
local outcome = created and 'created' or (changed and 'updated' or 'unchanged')
local service = read_service(prefix)
table.insert(service, 1, added)
table.insert(service, 1, outcome)
return service

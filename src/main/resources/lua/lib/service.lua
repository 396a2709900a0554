-- Prelude of the service scripts. A service's keys share its hash tag: KEYS[1] meta hash (revision,
-- sequence), KEYS[2] endpoints hash (address -> id), KEYS[3] ids sorted set (id -> registration
-- order); each instance is a hash at instance_prefix .. id.
local INSTANCE_FIELDS = {'address', 'version', 'metadata', 'status', 'lastCheck', 'revision', 'check',
  'fails', 'passes', 'lastError', 'latencyMs', 'order'}

-- {revision, {id, fields...}, ...}: the service as it is now ({0} when it does not exist).
local function read_service(instance_prefix)
  local revision = tonumber(redis.call('HGET', KEYS[1], 'revision') or '0')
  local result = {revision}
  for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
    local row = redis.call('HMGET', instance_prefix .. id, unpack(INSTANCE_FIELDS))
    table.insert(row, 1, id)
    result[#result + 1] = row
  end
  return result
end

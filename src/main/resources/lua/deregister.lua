-- Removes one live instance. An expired one is left for the sweep, which announces its expiry.
-- KEYS[1] beats, KEYS[2] created, KEYS[3] meta; ARGV[1] id, ARGV[2] cutoff
-- Returns 1 when a live instance was removed, 0 otherwise.
local id = ARGV[1]
local last = redis.call('ZSCORE', KEYS[1], id)
if not last or tonumber(last) <= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZREM', KEYS[1], id)
redis.call('ZREM', KEYS[2], id)
redis.call('HDEL', KEYS[3], id)
return 1

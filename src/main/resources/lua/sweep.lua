-- Removes up to ARGV[2] expired instances of one group and reports them, atomically, so that when
-- several Pulse nodes sweep at once each instance is removed (and announced) by exactly one.
-- KEYS[1] beats, KEYS[2] created, KEYS[3] meta; ARGV[1] cutoff, ARGV[2] max
-- Returns {oldest remaining heartbeat or nil, id, createdAt, updatedAt, meta, id, ...}
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {false}
for _, id in ipairs(ids) do
  out[#out + 1] = id
  out[#out + 1] = tonumber(redis.call('ZSCORE', KEYS[2], id))
  out[#out + 1] = tonumber(redis.call('ZSCORE', KEYS[1], id))
  out[#out + 1] = redis.call('HGET', KEYS[3], id) or '{}'
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZREM', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if oldest[2] then
  out[1] = tonumber(oldest[2])
end
return out

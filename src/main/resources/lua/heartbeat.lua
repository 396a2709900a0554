-- Registers or renews one instance, atomically.
-- KEYS[1] beats zset (id -> last heartbeat), KEYS[2] created zset (id -> createdAt), KEYS[3] meta hash
-- ARGV[1] id, ARGV[2] now (ms), ARGV[3] cutoff (now - ttl: a last heartbeat at or before it is expired),
-- ARGV[4] meta JSON, or '' to keep the stored meta
-- Returns {created 0|1, createdAt, updatedAt, meta, expiredCreatedAt, expiredUpdatedAt, expiredMeta};
-- the expired* fields describe a stale entry this registration replaced (nil when there was none).
local id = ARGV[1]
local now = tonumber(ARGV[2])
local cutoff = tonumber(ARGV[3])
local meta = ARGV[4]

local previous = redis.call('ZSCORE', KEYS[1], id)
local created, createdAt, updatedAt
local expiredCreatedAt, expiredUpdatedAt, expiredMeta = false, false, false

if previous and tonumber(previous) > cutoff then
  created = 0
  createdAt = tonumber(redis.call('ZSCORE', KEYS[2], id))
  updatedAt = math.max(now, tonumber(previous) + 1)
else
  if previous then
    expiredCreatedAt = tonumber(redis.call('ZSCORE', KEYS[2], id))
    expiredUpdatedAt = tonumber(previous)
    expiredMeta = redis.call('HGET', KEYS[3], id)
    redis.call('HDEL', KEYS[3], id)
  end
  created = 1
  createdAt = now
  updatedAt = now
  redis.call('ZADD', KEYS[2], createdAt, id)
end

redis.call('ZADD', KEYS[1], updatedAt, id)
if meta ~= '' then
  redis.call('HSET', KEYS[3], id, meta)
end
return {created, createdAt, updatedAt, redis.call('HGET', KEYS[3], id), expiredCreatedAt, expiredUpdatedAt, expiredMeta}

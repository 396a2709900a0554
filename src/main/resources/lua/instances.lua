-- Lists the live instances of one group, oldest first (ties by id), or one instance when ARGV[2] is set.
-- KEYS[1] beats, KEYS[2] created, KEYS[3] meta; ARGV[1] cutoff, ARGV[2] id or ''
-- Returns a flat array: id, createdAt, updatedAt, meta, id, createdAt, ...
local cutoff = tonumber(ARGV[1])
local out = {}
local function add(id, createdAt)
  local last = redis.call('ZSCORE', KEYS[1], id)
  if last and tonumber(last) > cutoff then
    out[#out + 1] = id
    out[#out + 1] = tonumber(createdAt)
    out[#out + 1] = tonumber(last)
    out[#out + 1] = redis.call('HGET', KEYS[3], id) or '{}'
  end
end
if ARGV[2] ~= '' then
  local createdAt = redis.call('ZSCORE', KEYS[2], ARGV[2])
  if createdAt then
    add(ARGV[2], createdAt)
  end
  return out
end
local members = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
for i = 1, #members, 2 do
  add(members[i], members[i + 1])
end
return out

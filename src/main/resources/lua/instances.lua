-- Lists live instances of one group, oldest first (ties by id), or one instance when ARGV[2] is set.
-- KEYS[1] beats, KEYS[2] created, KEYS[3] meta
-- ARGV[1] cutoff, ARGV[2] id or '', ARGV[3] max instances to return (0 = all),
-- ARGV[4] createdAt and ARGV[5] id of the last instance of the previous page ('' = from the start)
-- Reads the creation index a slice at a time from the cursor, so a page costs what it returns.
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
local max = tonumber(ARGV[3])
local afterCreated = ARGV[4] ~= '' and tonumber(ARGV[4]) or nil
local afterId = ARGV[5]
local from = afterCreated and afterCreated or '-inf'
local offset = 0
while true do
  local slice = redis.call('ZRANGEBYSCORE', KEYS[2], from, '+inf', 'WITHSCORES', 'LIMIT', offset, 256)
  if #slice == 0 then
    return out
  end
  for i = 1, #slice, 2 do
    local createdAt = tonumber(slice[i + 1])
    if not afterCreated or createdAt > afterCreated or slice[i] > afterId then
      add(slice[i], createdAt)
      if max > 0 and #out >= 4 * max then
        return out
      end
    end
  end
  offset = offset + 256
end

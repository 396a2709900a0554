-- Summarises one group's live instances for GET /.
-- KEYS[1] beats, KEYS[2] created; ARGV[1] cutoff
-- Returns {count, earliest createdAt, latest updatedAt}, or an empty array when none is live.
local cutoff = tonumber(ARGV[1])
local count = redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[1], '+inf')
if count == 0 then
  return {}
end
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2]
-- The earliest live createdAt: walk the created index from the oldest, a page at a time.
local start = 0
while true do
  local page = redis.call('ZRANGE', KEYS[2], start, start + 99, 'WITHSCORES')
  if #page == 0 then
    return {}
  end
  for i = 1, #page, 2 do
    local last = redis.call('ZSCORE', KEYS[1], page[i])
    if last and tonumber(last) > cutoff then
      return {count, tonumber(page[i + 1]), tonumber(latest)}
    end
  end
  start = start + 100
end

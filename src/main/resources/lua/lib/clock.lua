-- Prelude of the scripts that judge time: now_ms(arg) is the time the caller passed in ms (tests
-- pass a manual clock), or, when arg is '', this Redis server's own clock.
local function now_ms(arg)
  if arg ~= '' then
    return tonumber(arg)
  end
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end

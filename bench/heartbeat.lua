-- Heartbeats: POST /bg<0..99>/i<0..9999> — 10 000 instances over 100 groups.
function init()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local i = math.random(0, 9999)
  return wrk.format("POST", "/bg" .. (i % 100) .. "/i" .. i, nil, nil)
end

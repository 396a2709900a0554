-- Heartbeats as bench/heartbeat.lua, paced: each connection waits BENCH_DELAY_MS after every
-- response before its next request, so 64 connections offer about a fixed rate instead of as much
-- as the server takes (wrk's delay(); latency is measured per request from when it is sent).
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
function init()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function delay()
  return pause
end

request = function()
  local i = math.random(0, 9999)
  return wrk.format("POST", "/bg" .. (i % 100) .. "/i" .. i, nil, nil)
end

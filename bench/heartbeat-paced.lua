-- Heartbeats as bench/heartbeat.lua, paced to offer BENCH_RATE requests/s in all (split evenly over
-- BENCH_THREADS wrk threads, 2 by default) instead of as much as the server takes. Each thread
-- hands out send times 1/rate apart; a connection that has its response waits (wrk's delay()) for
-- the next free one. So the rate does not depend on the latency, as a fixed pause after each
-- response would (a pause of d ms with a latency of l ms gives connections / (d + l) per second:
-- until 2026-12-05 the "half-rate" row ran at 33-55 % of the max rate that way), nor on delay()
-- counting whole milliseconds. A thread that falls behind (every connection waiting for a
-- response) does not catch up in a burst: send times are never handed out more than 10 ms in the
-- past. Latency is measured per request from when it is sent.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } pulse_timespec;
int clock_gettime(int clock, pulse_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("pulse_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("BENCH_RATE") or "1000")
local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
local interval = threads * 1000 / rate -- ms between two sends of one thread
local next_send

function init()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function delay()
  local now = now_ms()
  if next_send == nil or next_send < now - 10 then
    next_send = now
  end
  local wait = next_send - now
  next_send = next_send + interval
  -- delay() counts whole milliseconds: round up or down at random, so that the mean wait is exact.
  local whole = math.floor(wait)
  if math.random() < wait - whole then
    whole = whole + 1
  end
  return whole
end

request = function()
  local i = math.random(0, 9999)
  return wrk.format("POST", "/bg" .. (i % 100) .. "/i" .. i, nil, nil)
end

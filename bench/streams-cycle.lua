-- Stream start / heartbeat / stop cycles over many users (the stream admission scenario of
-- bench/run.sh): each request moves one of this thread's CYCLES cycles one step on: start
-- (POST /users/u<1..USERS>/streams with a new streamId), heartbeat (POST .../:streamId/heartbeat),
-- stop (DELETE .../:streamId), then a new start for another random user. The steps of one cycle
-- are CYCLES requests apart, far more than the requests in flight, so a heartbeat or a stop never
-- overtakes its start; a start refused (403: the user holds 3 streams already) makes its
-- heartbeat and stop 404s, which wrk counts as non-2xx.
local users = tonumber(os.getenv("BENCH_USERS") or "100000")
local cycles = 1024
local slots = {}
local sent = 0
local started = 0
local thread = tostring({}):match("0x(%x+)") or tostring(math.random(1, 1e9))
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))

request = function()
  local i = sent % cycles + 1
  local step = math.floor(sent / cycles) % 3
  sent = sent + 1
  local slot = slots[i]
  if step == 0 then
    started = started + 1
    slot = { user = "u" .. math.random(1, users), stream = "s" .. thread .. "-" .. started }
    slots[i] = slot
    return wrk.format("POST", "/users/" .. slot.user .. "/streams", { ["Content-Type"] = "application/json" },
      '{"streamId":"' .. slot.stream .. '"}')
  elseif step == 1 then
    return wrk.format("POST", "/users/" .. slot.user .. "/streams/" .. slot.stream .. "/heartbeat")
  else
    return wrk.format("DELETE", "/users/" .. slot.user .. "/streams/" .. slot.stream)
  end
end

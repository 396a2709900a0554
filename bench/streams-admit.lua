-- Stream admissions spread over many users: POST /users/u<1..USERS>/streams {"streamId":"s<1..5>"}.
-- With a limit of 3 and 5 stream ids per user, requests mix admissions (201), retries (200) and
-- refusals (403), as a real fleet of players does.
local users = tonumber(os.getenv("BENCH_USERS") or "100000")
local hot = os.getenv("BENCH_HOT_USER")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))

request = function()
  local user = hot or ("u" .. math.random(1, users))
  local body = '{"streamId":"s' .. math.random(1, 5) .. '"}'
  return wrk.format("POST", "/users/" .. user .. "/streams", {["Content-Type"] = "application/json"}, body)
end

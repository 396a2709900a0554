-- Readings: POST /ingest with batches of 100 readings for one of 10 000 devices; timestamps are
-- mostly new (a per-thread counter) so most readings are accepted.
local counter = 0

function init()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  thread_base = math.random(0, 1000000) * 1000
end

request = function()
  counter = counter + 1
  local device = math.random(0, 9999)
  local parts = {}
  local base = 1700000000 + thread_base + counter * 100
  for i = 0, 99 do
    parts[#parts + 1] = '{"timestamp":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ", base + i) .. '","count":' .. i .. '}'
  end
  local body = '{"id":"dev-' .. device .. '","readings":[' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", "/ingest", {["Content-Type"] = "application/json"}, body)
end

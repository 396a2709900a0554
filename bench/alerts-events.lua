-- The same event mix as AlertLoad.java, for wrk: 30 000 alerts, 20 services, 10 responders, each
-- alert's created / acknowledged / resolved events in random order, with duplicates.
local base = 1795300000 -- seconds

local function iso(ms)
  return os.date("!%Y-%m-%dT%H:%M:%S", math.floor(ms / 1000)) .. string.format(".%03dZ", ms % 1000)
end

function init()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local n = math.random(1, 30000)
  local triggered = (base + n * 7) * 1000 + n % 1000
  local stage = math.random(0, 2)
  local body = '{"type":"' .. (stage == 0 and "ALERT_CREATED" or "ALERT_CHANGED") .. '","alert":{'
    .. '"alertId":"alert-' .. n .. '","name":"check ' .. (n % 50) .. '",'
    .. '"status":"' .. (stage == 0 and "TRIGGERED" or stage == 1 and "ACKNOWLEDGED" or "RESOLVED") .. '",'
    .. '"responder":{"userId":"u' .. (n % 10) .. '","name":"responder ' .. (n % 10) .. '"},'
    .. '"service":{"serviceId":"s' .. (n % 20) .. '","name":"svc-' .. (n % 20) .. '"},'
    .. '"triggeredOn":"' .. iso(triggered) .. '"'
  if stage >= 1 then body = body .. ',"acknowledgedOn":"' .. iso(triggered + 1000 * (n % 600 + 1)) .. '"' end
  if stage == 2 then body = body .. ',"resolvedOn":"' .. iso(triggered + 1000 * (n % 3600 + 700)) .. '"' end
  return wrk.format("POST", "/alerts/events", {["Content-Type"] = "application/json"}, body .. '}}')
end

-- Registers SEED_COUNT instances /<SEED_PREFIX><i % SEED_GROUPS>/i<i> once each, split between
-- wrk's threads (THREADS), then each thread stops. wrk keeps running until -d ends.
local count = tonumber(os.getenv("SEED_COUNT") or "99000")
local groups = tonumber(os.getenv("SEED_GROUPS") or "1000")
local prefix = os.getenv("SEED_PREFIX") or "young"
local threads = tonumber(os.getenv("THREADS") or "2")
local created = 0

function setup(thread)
  created = created + 1
  thread:set("first", math.floor((created - 1) * count / threads))
  thread:set("last", math.floor(created * count / threads) - 1)
end

function init()
  next_id = first
end

request = function()
  if next_id > last then
    wrk.thread:stop()
    return wrk.format("GET", "/health/live", nil, nil)
  end
  local i = next_id
  next_id = next_id + 1
  return wrk.format("POST", "/" .. prefix .. (i % groups) .. "/i" .. i, nil, nil)
end

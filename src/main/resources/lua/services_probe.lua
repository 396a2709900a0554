-- Applies one probe result to an instance, atomically (the rule of HealthRule.java).
-- KEYS[1] instance hash; ARGV[1] passed 1|0, ARGV[2] time (ms), ARGV[3] latency (ms), ARGV[4] error.
-- Returns {old status, new status}, or nil when the instance is gone or has no check.
local fields = redis.call('HMGET', KEYS[1], 'status', 'threshold', 'fails', 'passes')
local status, threshold = fields[1], tonumber(fields[2])
if not status or not threshold then
  return nil
end
local passed = ARGV[1] == '1'
local fails, passes = tonumber(fields[3]), tonumber(fields[4])
local new_status = status
if passed then
  fails, passes = 0, passes + 1
  if status == 'unknown' or passes >= threshold then
    new_status = 'healthy'
  end
  redis.call('HDEL', KEYS[1], 'lastError')
else
  fails, passes = fails + 1, 0
  if fails >= threshold then
    new_status = 'unhealthy'
  end
  redis.call('HSET', KEYS[1], 'lastError', ARGV[4])
end
redis.call('HSET', KEYS[1], 'status', new_status, 'fails', fails, 'passes', passes, 'lastCheck', ARGV[2],
  'latencyMs', ARGV[3])
return {status, new_status}

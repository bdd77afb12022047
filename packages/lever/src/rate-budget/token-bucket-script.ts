/**
 * One atomic step of a shared token bucket (KEYS[1] is a hash: tokens, ts, blockedUntil).
 * ARGV: tokens per ms, capacity, idle TTL (ms), penalty (ms; 0 = acquire).
 * Acquire returns 0 when a token was taken, else the ms to wait. Penalize empties the bucket and
 * blocks it until now + penalty; refill restarts when the block ends.
 * Time comes from Redis TIME so clients with skewed clocks agree.
 */
export const TOKEN_BUCKET_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local idle = tonumber(ARGV[3])
local penalty = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'blockedUntil')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
local blocked = tonumber(state[3]) or 0
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) * rate)
  ts = now
end
local wait = 0
if penalty > 0 then
  blocked = math.max(blocked, now + penalty)
  tokens = 0
  ts = blocked
elseif blocked > now then
  wait = blocked - now
elseif tokens >= 1 then
  tokens = tokens - 1
else
  wait = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts), 'blockedUntil', tostring(blocked))
redis.call('PEXPIRE', KEYS[1], math.ceil(math.max(idle, blocked - now + idle)))
return math.ceil(wait)
`

/**
 * The Lua scripts of fair-share.ts, each atomic in Redis. Every script gets the places hash, the
 * held-ids set, the held-tenants set, the queue's wait list and the promoting set as KEYS[1..5],
 * and the queue's key prefix (`<prefix>:<queue>:`, from which it builds job keys and per-tenant
 * lists) and the places per tenant as ARGV[1..2]; its own arguments follow.
 */

/** Redis's clock in ms, the score of a held entry taken out to be added (the promoting set). */
const NOW_MS = `local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)`

/**
 * ARGV[3...]: (tenant, job id, held entry) per job.
 * Replies per job: 1 admitted, 2 held, 0 already there (a job, a held job, or earlier in the batch).
 */
export const ADMIT_LUA = `
local queueKey, places = ARGV[1], tonumber(ARGV[2])
local replies, seen = {}, {}
for i = 3, #ARGV, 3 do
  local tenant, id, entry = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local held = queueKey .. 'fair:held:' .. tenant
  if seen[id] or redis.call('EXISTS', queueKey .. id) == 1 or redis.call('SISMEMBER', KEYS[2], id) == 1 then
    replies[#replies + 1] = 0
  elseif (tonumber(redis.call('HGET', KEYS[1], tenant)) or 0) < places and redis.call('LLEN', held) == 0 then
    redis.call('HINCRBY', KEYS[1], tenant, 1)
    replies[#replies + 1] = 1
  else
    redis.call('RPUSH', held, entry)
    redis.call('SADD', KEYS[2], id)
    redis.call('SADD', KEYS[3], tenant)
    replies[#replies + 1] = 2
  end
  seen[id] = true
end
return replies`

/**
 * ARGV[3]: the tenant whose job started. Replies with the tenant's oldest held entry, which takes
 * the freed place and waits in the promoting set until its add is confirmed, or with nil after
 * giving the place up.
 */
export const LEAVE_LUA = `
${NOW_MS}
local tenant = ARGV[3]
local held = ARGV[1] .. 'fair:held:' .. tenant
local entry = redis.call('LPOP', held)
if entry then
  redis.call('SREM', KEYS[2], cjson.decode(entry).id)
  redis.call('ZADD', KEYS[5], now, entry)
  if redis.call('LLEN', held) == 0 then redis.call('SREM', KEYS[3], tenant) end
  return entry
end
if redis.call('HINCRBY', KEYS[1], tenant, -1) <= 0 then redis.call('HDEL', KEYS[1], tenant) end
return false`

/**
 * ARGV[3]: how long (ms) a held entry may wait in the promoting set for its add to be confirmed.
 * Counts each tenant's waiting jobs that have not started an attempt, and its promoting entries,
 * stores those counts as the places taken, and replies with the entries to add: those promoted
 * longer ago than ARGV[3] whose job is still missing (the process adding them died), then the held
 * entries popped into the free places. A promoting entry whose job exists was added but not
 * confirmed, and is only dropped.
 */
export const REFILL_LUA = `
${NOW_MS}
local queueKey, places, grace = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local taken = {}
local function take(tenant) taken[tenant] = (taken[tenant] or 0) + 1 end
for _, id in ipairs(redis.call('LRANGE', KEYS[4], 0, -1)) do
  local job = redis.call('HMGET', queueKey .. id, 'data', 'atm')
  if job[1] and (not job[2] or job[2] == '0') then
    local ok, data = pcall(cjson.decode, job[1])
    if ok and type(data) == 'table' and type(data.tenantId) == 'string' then take(data.tenantId) end
  end
end
local stale = {}
for _, entry in ipairs(redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', now - grace)) do stale[entry] = true end
local promoted = {}
for _, entry in ipairs(redis.call('ZRANGE', KEYS[5], 0, -1)) do
  local job = cjson.decode(entry)
  if redis.call('EXISTS', queueKey .. job.id) == 1 then
    redis.call('ZREM', KEYS[5], entry)
  else
    take(job.data.tenantId)
    if stale[entry] then
      redis.call('ZADD', KEYS[5], now, entry)
      promoted[#promoted + 1] = entry
    end
  end
end
redis.call('DEL', KEYS[1])
for tenant, n in pairs(taken) do redis.call('HSET', KEYS[1], tenant, n) end
for _, tenant in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  local held = queueKey .. 'fair:held:' .. tenant
  for _ = 1, places - (taken[tenant] or 0) do
    local entry = redis.call('LPOP', held)
    if not entry then break end
    redis.call('SREM', KEYS[2], cjson.decode(entry).id)
    redis.call('HINCRBY', KEYS[1], tenant, 1)
    redis.call('ZADD', KEYS[5], now, entry)
    promoted[#promoted + 1] = entry
  end
  if redis.call('LLEN', held) == 0 then redis.call('SREM', KEYS[3], tenant) end
end
return promoted`

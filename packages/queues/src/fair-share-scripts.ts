/**
 * The Lua scripts of fair-share.ts, each atomic in Redis. Every script gets the places hash, the
 * held-ids set, the held-tenants set and the queue's wait list as KEYS[1..4], and the queue's key
 * prefix (`<prefix>:<queue>:`, from which it builds job keys and per-tenant lists) and the places
 * per tenant as ARGV[1..2]; its own arguments follow.
 */

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
 * the freed place, or with nil after giving the place up.
 */
export const LEAVE_LUA = `
local tenant = ARGV[3]
local held = ARGV[1] .. 'fair:held:' .. tenant
local entry = redis.call('LPOP', held)
if entry then
  redis.call('SREM', KEYS[2], cjson.decode(entry).id)
  if redis.call('LLEN', held) == 0 then redis.call('SREM', KEYS[3], tenant) end
  return entry
end
if redis.call('HINCRBY', KEYS[1], tenant, -1) <= 0 then redis.call('HDEL', KEYS[1], tenant) end
return false`

/**
 * Counts each tenant's waiting jobs
 * that have not started an attempt, stores those counts as the places taken, and replies with
 * the held entries popped into the free places.
 */
export const REFILL_LUA = `
local queueKey, places = ARGV[1], tonumber(ARGV[2])
local taken = {}
for _, id in ipairs(redis.call('LRANGE', KEYS[4], 0, -1)) do
  local job = redis.call('HMGET', queueKey .. id, 'data', 'atm')
  if job[1] and (not job[2] or job[2] == '0') then
    local ok, data = pcall(cjson.decode, job[1])
    if ok and type(data) == 'table' and type(data.tenantId) == 'string' then
      taken[data.tenantId] = (taken[data.tenantId] or 0) + 1
    end
  end
end
redis.call('DEL', KEYS[1])
for tenant, n in pairs(taken) do redis.call('HSET', KEYS[1], tenant, n) end
local promoted = {}
for _, tenant in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  local held = queueKey .. 'fair:held:' .. tenant
  for _ = 1, places - (taken[tenant] or 0) do
    local entry = redis.call('LPOP', held)
    if not entry then break end
    redis.call('SREM', KEYS[2], cjson.decode(entry).id)
    redis.call('HINCRBY', KEYS[1], tenant, 1)
    promoted[#promoted + 1] = entry
  end
  if redis.call('LLEN', held) == 0 then redis.call('SREM', KEYS[3], tenant) end
end
return promoted`

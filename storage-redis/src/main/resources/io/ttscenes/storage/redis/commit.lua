-- Compare-and-set commit of one session. Every key it touches shares the session's hash tag,
-- except the outbox index KEYS[4] and the session's timer shard KEYS[5], passed only when the
-- store runs on a single node.
-- KEYS: 1 session hash, 2 outbox hash, 3 inbox hash, [4 outbox index, 5 timer shard],
--       and last the chat data hash when ARGV[13] is not ''
-- ARGV: 1 expected version, 2 data, 3 update id, 4 ttl ms, 5 recent ids kept, 6 outbox id
--       ('' for none), 7 outbox payload, 8 session key (index and timer member), 9 now ms,
--       10 '1' to return the recent ids, 11 wake ms ('' for none), 12 n: how many inbox
--       entries the commit consumed, 13 the chat data's expected version ('' for no chat data),
--       14 chat data, 15 chat data ttl ms, 16..15+n the consumed inbox ids, then the outbox
--       ids to clear
-- 'i' is set by a signal's delivery while the session's inbox holds entries (see below).
local stored = redis.call('HMGET', KEYS[1], 'v', 'u', 'w', 'i')
local current = tonumber(stored[1] or '0')
if current ~= tonumber(ARGV[1]) then
  return {0, current}
end
-- Chat data shared by the chat's members (same hash tag as this session): compared before any
-- write, so a member that lost the race to another member writes nothing and re-runs.
if ARGV[13] ~= '' then
  local chat = KEYS[#KEYS]
  if tonumber(redis.call('HGET', chat, 'v') or '0') ~= tonumber(ARGV[13]) then
    return {0, current}
  end
  redis.call('HSET', chat, 'v', tonumber(ARGV[13]) + 1, 'd', ARGV[14])
  redis.call('PEXPIRE', chat, ARGV[15])
end
local version = current + 1
local ids = {}
local recent = stored[2]
if recent then
  for id in string.gmatch(recent, '[^\n]+') do
    ids[#ids + 1] = id
  end
end
ids[#ids + 1] = ARGV[3]
local keep = tonumber(ARGV[5])
local first = 1
if #ids > keep then
  first = #ids - keep + 1
end
recent = table.concat(ids, '\n', first, #ids)
-- The wake (earliest due job) is kept in the session as 'w'; the timer follows it only when it
-- changed, so a session without jobs runs no timer command, and an unchanged wake leaves a claim
-- on the timer in place.
local wake = ARGV[11]
local wakeChanged = (stored[3] or '') ~= wake
if wake ~= '' then
  redis.call('HSET', KEYS[1], 'v', version, 'd', ARGV[2], 'u', recent, 'w', wake)
else
  redis.call('HSET', KEYS[1], 'v', version, 'd', ARGV[2], 'u', recent)
  if wakeChanged then
    redis.call('HDEL', KEYS[1], 'w')
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
-- Signals still in the inbox made the timer due when they came: a new wake may lower it, never
-- raise or remove it. The delivery flags the session ('i', read by the HMGET above), so only a
-- commit that consumes signals looks at the inbox itself, and drops the flag once it is empty.
local consumed = tonumber(ARGV[12])
local waiting = 0
if stored[4] then
  waiting = 1
end
if consumed > 0 then
  redis.call('HDEL', KEYS[3], unpack(ARGV, 16, 15 + consumed))
  if redis.call('EXISTS', KEYS[3]) == 0 then
    waiting = 0
    if stored[4] then
      redis.call('HDEL', KEYS[1], 'i')
    end
  end
end
if wakeChanged and KEYS[5] then
  if waiting == 1 then
    if wake ~= '' then
      redis.call('ZADD', KEYS[5], 'LT', wake, ARGV[8])
    end
  elseif wake ~= '' then
    redis.call('ZADD', KEYS[5], wake, ARGV[8])
  else
    redis.call('ZREM', KEYS[5], ARGV[8])
  end
end
-- Renewing the outbox's TTL first also tells whether it existed. While it exists its session is
-- in the index (only scripts remove a member, and only once the outbox is gone), so the index
-- is written only when an outbox appears or empties: a commit that adds an entry to an outbox
-- that has one already runs no index command.
-- The outbox lives at least an hour even when its session's TTL is shorter, so a reply a crash
-- left unsent is still there when recovery (entries older than a minute) looks for it.
local outboxTtl = ARGV[4]
if tonumber(outboxTtl) < 3600000 then
  outboxTtl = '3600000'
end
local existed = redis.call('PEXPIRE', KEYS[2], outboxTtl) == 1
local adding = ARGV[6] ~= ''
local firstCleared = 16 + consumed
local cleared = #ARGV - firstCleared + 1
if adding then
  -- The version prefix orders one session's entries; the index orders sessions. Written before
  -- the clearing (the new id is never among the cleared), so the outbox never empties meanwhile.
  redis.call('HSET', KEYS[2], ARGV[6], version .. ':' .. ARGV[7])
end
if cleared > 0 and existed then
  redis.call('HDEL', KEYS[2], unpack(ARGV, firstCleared, #ARGV))
end
if adding and not existed then
  redis.call('PEXPIRE', KEYS[2], outboxTtl)
  if KEYS[4] then
    redis.call('ZADD', KEYS[4], 'NX', ARGV[9], ARGV[8])
  end
elseif not adding and cleared > 0 and existed and KEYS[4] and redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('ZREM', KEYS[4], ARGV[8])
end
-- The last two elements tell a cluster-mode caller, which keeps the timer outside the script,
-- whether the wake changed and whether signals wait in the inbox (then the timer may only drop).
local changed = 0
if wakeChanged then
  changed = 1
end
if ARGV[10] == '1' then
  return {1, version, recent, changed, waiting}
end
return {1, version, '', changed, waiting}

-- Compare-and-set commit of one session. Every key it touches shares the session's hash tag,
-- except the outbox index KEYS[4] and the session's timer shard KEYS[5], passed only when the
-- store runs on a single node.
-- KEYS: 1 session hash, 2 outbox hash, 3 inbox hash, [4 outbox index, 5 timer shard],
--       and last the chat data hash when ARGV[13] is not ''
-- ARGV: 1 expected version, 2 data, 3 update id, 4 ttl ms, 5 dedupe window
--       '<floor> <seconds> <cap>', 6 outbox id
--       ('' for none), 7 outbox payload, 8 session key (index and timer member), 9 now ms,
--       10 '1' to return the recent ids, 11 wake ms ('' for none), 12 n: how many inbox
--       entries the commit consumed, 13 the chat data's expected version ('' for no chat data),
--       14 chat data, 15 chat data ttl ms, 16..15+n the consumed inbox ids, then the outbox
--       ids to clear
-- Returns {1, version, recent ids or '', wake changed, signals waiting, window capped} on a win;
-- {0, current version, data, recent ids, PTTL ms} when an existing session's version differs;
-- {0, current version} when the session does not exist or the chat data's version differs.
-- 'i' is set by a signal's delivery while the session's inbox holds entries (see below).
local stored = redis.call('HMGET', KEYS[1], 'v', 'u', 'w', 'i', 't')
local current = tonumber(stored[1] or '0')
if current ~= tonumber(ARGV[1]) then
  -- A refusal of an existing session carries it (data, recent ids, remaining TTL in ms), so the
  -- caller runs again at once: a commit made on the guess that a session is new needs no load
  -- first, and a commit that lost a race needs no reload.
  local data = current > 0 and redis.call('HGET', KEYS[1], 'd')
  if data then
    return {0, current, data, stored[2] or '', redis.call('PTTL', KEYS[1])}
  end
  return {0, current}
end
-- Chat data shared by the chat's members (same hash tag as this session): compared before any
-- write, so a member that lost the race to another member writes nothing and re-runs.
-- The outbox index and timer shard are KEYS[4] and KEYS[5] only when the store passed them
-- (single node); in cluster mode KEYS[4] may be the chat data hash, which they must never touch.
local index, shard = nil, nil
if #KEYS >= 5 then
  index, shard = KEYS[4], KEYS[5]
end
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
-- Dedupe window by time: 't' holds the commit second of each id in 'u' (same order). Ids younger
-- than the window stay, the last <floor> stay however old, and never more than <cap> (reported).
-- Ids written before 't' existed count as committed now, so an upgrade forgets none early.
local floor, window, cap = string.match(ARGV[5], '^(%d+) (%d+) (%d+)$')
floor, window, cap = tonumber(floor), tonumber(window), tonumber(cap)
local now = math.floor(tonumber(ARGV[9]) / 1000)
local times = {}
if stored[5] then
  for t in string.gmatch(stored[5], '[^\n]+') do
    times[#times + 1] = t
  end
end
if #times ~= #ids then
  times = {}
  for i = 1, #ids do
    times[i] = tostring(now)
  end
end
ids[#ids + 1] = ARGV[3]
times[#times + 1] = tostring(now)
local first = 1
local capped = 0
if #ids > cap then
  first = #ids - cap + 1
  capped = 1
end
while #ids - first + 1 > floor and tonumber(times[first]) < now - window do
  first = first + 1
end
recent = table.concat(ids, '\n', first, #ids)
local stamps = table.concat(times, '\n', first, #times)
-- The wake (earliest due job) is kept in the session as 'w'; the timer follows it only when it
-- changed, so a session without jobs runs no timer command, and an unchanged wake leaves a claim
-- on the timer in place.
local wake = ARGV[11]
local wakeChanged = (stored[3] or '') ~= wake
if wake ~= '' then
  redis.call('HSET', KEYS[1], 'v', version, 'd', ARGV[2], 'u', recent, 't', stamps, 'w', wake)
else
  redis.call('HSET', KEYS[1], 'v', version, 'd', ARGV[2], 'u', recent, 't', stamps)
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
if wakeChanged and shard then
  if waiting == 1 then
    if wake ~= '' then
      redis.call('ZADD', shard, 'LT', wake, ARGV[8])
    end
  elseif wake ~= '' then
    redis.call('ZADD', shard, wake, ARGV[8])
  else
    redis.call('ZREM', shard, ARGV[8])
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
  if index then
    redis.call('ZADD', index, 'NX', ARGV[9], ARGV[8])
  end
elseif not adding and cleared > 0 and existed and index and redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('ZREM', index, ARGV[8])
end
-- Elements 4 and 5 tell a cluster-mode caller, which keeps the timer outside the script,
-- whether the wake changed and whether signals wait in the inbox (then the timer may only drop).
local changed = 0
if wakeChanged then
  changed = 1
end
-- The last element tells whether the dedupe window hit its cap.
if ARGV[10] == '1' then
  return {1, version, recent, changed, waiting, capped}
end
return {1, version, '', changed, waiting, capped}

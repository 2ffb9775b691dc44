-- Moves a session's timer to a new score only while it holds the given one (a claim's lease
-- end), so a timer a commit or another instance changed meanwhile stays as they left it. A timer
-- found in the unsharded key of earlier versions (KEYS[2], single node only) moves to the shard.
-- KEYS: 1 timer shard, [2 unsharded timers]. ARGV: 1 session key, 2 expected score, 3 new score
local function holds(key)
  local score = redis.call('ZSCORE', key, ARGV[1])
  return score and tonumber(score) == tonumber(ARGV[2])
end
if holds(KEYS[1]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  return 1
end
if KEYS[2] and holds(KEYS[2]) then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  return 1
end
return 0

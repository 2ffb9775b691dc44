-- Removes a session's timer only while its score is the given one (a due time or a claim's lease
-- end), so a timer another instance re-armed meanwhile stays.
-- KEYS: 1 timers. ARGV: 1 session key (member), 2 expected score (epoch ms)
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0

-- Removes a session's timer only while its score is the given one (a due time or a claim's lease
-- end), so a timer another instance re-armed meanwhile stays. Looks in each key given: the
-- session's timer shard and, on a single node, the unsharded timers key of earlier versions.
-- KEYS: timer keys. ARGV: 1 session key (member), 2 expected score (epoch ms)
local removed = 0
for _, key in ipairs(KEYS) do
  local score = redis.call('ZSCORE', key, ARGV[1])
  if score and tonumber(score) == tonumber(ARGV[2]) then
    removed = removed + redis.call('ZREM', key, ARGV[1])
  end
end
return removed

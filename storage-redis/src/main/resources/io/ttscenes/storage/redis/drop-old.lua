-- Cluster mode: drops an index member seen with an empty outbox, but only when its last write
-- is older than the cutoff, so the member a commit wrote just before its outbox stays.
-- KEYS: 1 outbox index. ARGV: 1 session key (index member), 2 cutoff ms
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) <= tonumber(ARGV[2]) then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0

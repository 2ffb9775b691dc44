-- Drops an index member whose outbox is empty, atomically with the check, so a commit that
-- writes a new entry at the same moment keeps its member. Single-node mode only.
-- KEYS: 1 outbox hash, 2 outbox index. ARGV: 1 session key (index member)
if redis.call('EXISTS', KEYS[1]) == 0 then
  return redis.call('ZREM', KEYS[2], ARGV[1])
end
return 0

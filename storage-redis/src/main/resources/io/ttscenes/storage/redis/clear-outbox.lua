-- Removes one outbox entry and, once the outbox is empty, its session from the index.
-- Single-node mode only (two hash slots). KEYS: 1 outbox hash, 2 outbox index
-- ARGV: 1 outbox id, 2 session key (index member)
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('ZREM', KEYS[2], ARGV[2])
end
return 0

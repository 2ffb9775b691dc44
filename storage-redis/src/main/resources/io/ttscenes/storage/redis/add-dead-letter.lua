-- Keeps one dead letter unless one with its id is kept (returns 0 then, changing nothing), and
-- trims the rest by age (relative to the newest) and count, atomically; returns 1 when kept.
-- KEYS: 1 hash id -> encoded letter, 2 sorted set id -> at ms (same hash tag)
-- ARGV: 1 id, 2 at ms, 3 encoded letter, 4 age kept ms, 5 count kept
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 0 then
  return 0
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
local newest = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
local cutoff = tonumber(newest[2]) - tonumber(ARGV[4])
local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. cutoff)
if #old > 0 then
  redis.call('HDEL', KEYS[1], unpack(old))
  redis.call('ZREM', KEYS[2], unpack(old))
end
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[5])
if over > 0 then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, over - 1)
  redis.call('HDEL', KEYS[1], unpack(oldest))
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
end
-- Without new letters the kept ones still go once the newest is as old as the age kept.
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return 1

-- Removes one dead letter and returns it (false when absent): one caller gets it.
-- KEYS: 1 hash id -> encoded letter, 2 sorted set id -> at ms (same hash tag)
-- ARGV: 1 id
local letter = redis.call('HGET', KEYS[1], ARGV[1])
if letter then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
end
return letter

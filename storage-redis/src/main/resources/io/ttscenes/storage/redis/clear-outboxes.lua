-- Removes outbox entries of many sessions and drops each session whose outbox is then empty from
-- its index shard. Single-node mode only (the keys span hash slots). KEYS, per session: its
-- outbox hash, then its index shard. ARGV, per session in KEYS order: the index member (session
-- key), the number n of entry ids, then the n ids.
local at = 1
for k = 1, #KEYS, 2 do
  local member = ARGV[at]
  local n = tonumber(ARGV[at + 1])
  redis.call('HDEL', KEYS[k], unpack(ARGV, at + 2, at + 1 + n))
  if redis.call('EXISTS', KEYS[k]) == 0 then
    redis.call('ZREM', KEYS[k + 1], member)
  end
  at = at + 2 + n
end
return 0

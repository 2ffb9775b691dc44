-- Claims due timers: members scored at or before now are re-scored to the end of the lease in
-- the same step, so no other claimer sees them until the lease runs out.
-- KEYS: 1 timers. ARGV: 1 now ms, 2 lease end ms, 3 limit
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], ARGV[2], member)
end
return due

-- Makes the timers of one timer key scored after now and at or before the horizon (a due time or
-- a claim's lease end) due at now, in one step, so a claimer sees them at once; returns how many.
-- KEYS: 1 timer key. ARGV: 1 now ms, 2 horizon ms
local members = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], ARGV[2])
for _, member in ipairs(members) do
  redis.call('ZADD', KEYS[1], ARGV[1], member)
end
return #members

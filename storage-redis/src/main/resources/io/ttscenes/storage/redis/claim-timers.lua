-- Claims due timers across the timer shards given: members scored at or before now, earliest
-- first over all shards, are re-scored to the end of the lease in the same step, so no other
-- claimer sees them until the lease runs out.
-- KEYS: the timer shards. ARGV: 1 now ms, 2 lease end ms, 3 limit
local limit = tonumber(ARGV[3])
local due = {}
for k, key in ipairs(KEYS) do
  local found = redis.call('ZRANGEBYSCORE', key, '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, limit)
  for i = 1, #found, 2 do
    due[#due + 1] = {tonumber(found[i + 1]), found[i], k}
  end
end
table.sort(due, function(a, b)
  if a[1] ~= b[1] then
    return a[1] < b[1]
  end
  return a[2] < b[2]
end)
local claimed = {}
for i = 1, math.min(limit, #due) do
  redis.call('ZADD', KEYS[due[i][3]], ARGV[2], due[i][2])
  claimed[#claimed + 1] = due[i][2]
end
return claimed

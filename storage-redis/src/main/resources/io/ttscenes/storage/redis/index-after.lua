-- Lists the outbox index members that come after a cursor (a score and a member) in the index's
-- order: by score, then by member bytes. The cursor's member may be gone (cleared) or moved (a
-- new score): the position is found from the pair itself, so removals during a walk never make
-- it skip a member. One key, so it runs in cluster mode too.
-- KEYS: 1 outbox index. ARGV: 1 cursor score ('' for the front), 2 cursor member, 3 count
-- Returns a flat list: member, score, member, score...
local index = KEYS[1]
local count = tonumber(ARGV[3])

-- Whether a comes after b in byte order, as Redis orders members of equal score (Lua's own
-- string comparison follows the locale).
local function after(a, b)
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then
      return x > y
    end
  end
  return #a > #b
end

local start = 0
if ARGV[1] ~= '' then
  local score, member = ARGV[1], ARGV[2]
  local current = redis.call('ZSCORE', index, member)
  if current and tonumber(current) == tonumber(score) then
    start = redis.call('ZRANK', index, member) + 1
  else
    -- Members of the cursor's score occupy ranks lo..hi-1; the first after the member is found
    -- by bisection, one single-member ZRANGE per step.
    local lo = redis.call('ZCOUNT', index, '-inf', '(' .. score)
    local hi = redis.call('ZCOUNT', index, '-inf', score)
    while lo < hi do
      local mid = math.floor((lo + hi) / 2)
      if after(redis.call('ZRANGE', index, mid, mid)[1], member) then
        hi = mid
      else
        lo = mid + 1
      end
    end
    start = lo
  end
end
return redis.call('ZRANGE', index, start, start + count - 1, 'WITHSCORES')

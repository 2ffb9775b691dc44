-- Stores the long-poll marker only when it is greater than the stored one, so a poller finishing
-- an older page after another instance took over never moves the marker back. Markers are far
-- below 2^53, where Lua's numbers compare exactly.
-- KEYS: 1 marker. ARGV: 1 marker
local old = redis.call('GET', KEYS[1])
if old and tonumber(old) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1])
return 1

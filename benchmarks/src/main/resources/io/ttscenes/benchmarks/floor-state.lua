-- FloorBot's one round trip per update: returns the user's scene, promo, q1 and answer as they
-- were, and writes the field/value pairs ARGV[2..] when the scene is ARGV[1] ('*': whatever it is).
local prev = redis.call('HMGET', KEYS[1], 'scene', 'promo', 'q1', 'answer')
if #ARGV > 1 and (ARGV[1] == '*' or ARGV[1] == (prev[1] or '')) then
  redis.call('HSET', KEYS[1], unpack(ARGV, 2))
end
return prev

-- Extends a lease only while the caller still owns it; a lease taken over (or expired) stays as it is.
-- KEYS: 1 lease. ARGV: 1 owner, 2 ttl ms
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0

package io.ttscenes.storage.redis;

/**
 * A position in the outbox index: a shard, and a member with its score as Redis printed it,
 * encoded as "shard/score:member" (a score holds neither '/' nor ':'). A walk resumes after the
 * pair, not at an offset, which the removal of members it passed would shift; the shards are
 * walked one after another, the unsharded index of earlier versions last.
 */
record IndexCursor(int shard, String score, String member) {

  static IndexCursor parse(String cursor) {
    int slash = cursor.indexOf('/');
    int colon = cursor.indexOf(':', slash + 1);
    if (slash > 0 && colon > slash + 1) {
      try {
        int shard = Integer.parseInt(cursor.substring(0, slash));
        String score = cursor.substring(slash + 1, colon);
        if (shard >= 0 && shard <= RedisKeys.OUTBOX_SHARDS && Double.isFinite(Double.parseDouble(score))) {
          return new IndexCursor(shard, score, cursor.substring(colon + 1));
        }
      } catch (NumberFormatException e) {
        // Reported below with the cursor, like any other foreign cursor.
      }
    }
    throw new IllegalArgumentException("cursor '" + cursor + "' was not returned by this store");
  }

  String format() {
    return shard + "/" + score + ":" + member;
  }
}

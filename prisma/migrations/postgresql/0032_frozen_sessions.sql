-- Sessions no fold may replace for a reason other than a retention purge (issue 17): an erased
-- customer's sessions keep their ids and facts, since their events now carry a pseudonym a re-fold
-- would derive other ids from (docs/erasure.md). Purged sessions are found by their tombstones.
CREATE TABLE "frozen_sessions" (
  "session_id" TEXT NOT NULL PRIMARY KEY,
  "cause" TEXT NOT NULL,
  "frozen_at" TIMESTAMP(3) NOT NULL
);

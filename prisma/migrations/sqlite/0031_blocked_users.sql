-- User ids an admin has blocked from ingestion (issue 17): an event carrying one is refused with
-- 422 and the reason. A row per user id; removing the row unblocks it.
CREATE TABLE "blocked_users" (
  "user_id" TEXT NOT NULL PRIMARY KEY,
  "reason" TEXT NOT NULL,
  "blocked_by" TEXT NOT NULL,
  "blocked_at" DATETIME NOT NULL
);

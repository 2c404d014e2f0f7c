-- The retention policy (issue 17), one row per version like personal_data_policies: the latest
-- row is in force. retention_lock is one row a purge claims first, so two purges never run at
-- once, across processes (lib/retention/purge-lock.ts); a claim older than its lease is stale.
CREATE TABLE "retention_policies" (
    "version" SERIAL NOT NULL PRIMARY KEY,
    "policy" JSONB NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL
);
CREATE TABLE "retention_lock" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "purge_id" TEXT,
    "claimed_at" TIMESTAMP(3)
);
INSERT INTO "retention_lock" ("id", "purge_id", "claimed_at") VALUES (1, NULL, NULL);

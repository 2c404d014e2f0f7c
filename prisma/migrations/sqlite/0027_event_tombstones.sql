-- What a retention purge leaves of each event it removed (issue 17): enough to keep the integrity
-- chain whole (the next event links to chain_hash; content_hash is what an archive's copy must hash
-- to), to say in a replay which event went by which rule and when, and to re-fold the read models
-- to the same sessions and figures (session_id: the session that held it when it was purged). No
-- event data and no user id: what is purged is gone from the store, and lives only in the archive.
CREATE TABLE "event_tombstones" (
    "position" BIGINT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "stream_version" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "chain_hash" TEXT,
    "occurred_at" DATETIME NOT NULL,
    "recorded_at" DATETIME NOT NULL,
    "session_id" TEXT,
    "purge_id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "purged_at" DATETIME NOT NULL
);
CREATE INDEX "event_tombstones_session_id_idx" ON "event_tombstones"("session_id");
CREATE INDEX "event_tombstones_purge_id_idx" ON "event_tombstones"("purge_id");

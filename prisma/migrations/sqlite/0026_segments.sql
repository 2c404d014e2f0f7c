-- Saved searches of sessions, shared with the team (issue 16). The filter is the sessions page's
-- query string; counts are not stored (a segment is counted afresh when shown).
CREATE TABLE "segments" (
  "id" TEXT NOT NULL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "name_key" TEXT NOT NULL,
  "query" TEXT NOT NULL,
  "created_by" TEXT NOT NULL,
  "created_at" DATETIME NOT NULL,
  "updated_by" TEXT,
  "updated_at" DATETIME
);
CREATE UNIQUE INDEX "segments_name_key_key" ON "segments"("name_key");

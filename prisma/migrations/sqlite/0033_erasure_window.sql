-- The guard against updates to events lets exactly one writer through: an erasure (issue 17), inside
-- its own transaction, which opens this window (a row), rewrites the events its record vouches for,
-- and closes it before committing. No other transaction ever sees the window open.
CREATE TABLE "erasure_window" (
  "id" INTEGER NOT NULL PRIMARY KEY,
  "record" BIGINT NOT NULL
);
DROP TRIGGER "events_no_update";
CREATE TRIGGER "events_no_update" BEFORE UPDATE ON "events" WHEN NOT EXISTS (SELECT 1 FROM "erasure_window")
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

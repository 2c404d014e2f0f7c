-- The guard against updates to events lets exactly one writer through: an erasure (issue 17), inside
-- its own transaction, which opens this window (a row), rewrites the events its record vouches for,
-- and closes it before committing. No other transaction ever sees the window open.
CREATE TABLE "erasure_window" (
  "id" INTEGER NOT NULL PRIMARY KEY,
  "record" BIGINT NOT NULL
);
CREATE OR REPLACE FUNCTION "events_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "erasure_window") THEN RAISE EXCEPTION 'events are append-only'; END IF;
  RETURN NEW;
END; $$;

-- The append-only event store. `position` is INTEGER PRIMARY KEY AUTOINCREMENT (not BIGINT, which
-- SQLite would not auto-assign): positions only ever grow, even after a purge of the newest rows.
CREATE TABLE "events" (
    "position" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "stream_version" INTEGER NOT NULL,
    "subject" TEXT,
    "type" TEXT NOT NULL,
    "specversion" TEXT NOT NULL,
    "time" DATETIME,
    "occurred_at" DATETIME NOT NULL,
    "recorded_at" DATETIME NOT NULL,
    "userid" TEXT,
    "anonymousid" TEXT,
    "sessionid" TEXT,
    "correlationid" TEXT,
    "causationid" TEXT,
    "datacontenttype" TEXT,
    "dataschema" TEXT,
    "data_json" JSONB,
    "data_text" TEXT,
    "data_base64" TEXT,
    "extensions" JSONB,
    "content_hash" TEXT NOT NULL
);
CREATE UNIQUE INDEX "events_source_event_id_key" ON "events"("source", "event_id");
CREATE UNIQUE INDEX "events_stream_stream_version_key" ON "events"("stream", "stream_version");
CREATE INDEX "events_userid_occurred_at_idx" ON "events"("userid", "occurred_at");
CREATE INDEX "events_type_occurred_at_idx" ON "events"("type", "occurred_at");
CREATE INDEX "events_correlationid_idx" ON "events"("correlationid");
CREATE INDEX "events_anonymousid_idx" ON "events"("anonymousid");
CREATE INDEX "events_occurred_at_idx" ON "events"("occurred_at");

-- Append-only, enforced by the database too: nothing updates an event, and only a retention
-- purge (which must drop this trigger's guard deliberately) deletes one.
CREATE TRIGGER "events_no_update" BEFORE UPDATE ON "events"
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE "append_lock" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "appends" BIGINT NOT NULL
);
INSERT INTO "append_lock" ("id", "appends") VALUES (1, 0);

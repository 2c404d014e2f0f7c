-- The append-only event store. PostgreSQL sequences leave gaps (a rolled-back append consumes
-- values): positions are ordered, not gap-free.
CREATE TABLE "events" (
    "position" BIGSERIAL NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "stream_version" INTEGER NOT NULL,
    "subject" TEXT,
    "type" TEXT NOT NULL,
    "specversion" TEXT NOT NULL,
    "time" TIMESTAMP(3),
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL,
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

-- Append-only, enforced by the database too.
CREATE FUNCTION "events_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'events are append-only'; END; $$;
CREATE TRIGGER "events_no_update" BEFORE UPDATE ON "events"
FOR EACH ROW EXECUTE FUNCTION "events_refuse_update"();

CREATE TABLE "append_lock" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "appends" BIGINT NOT NULL
);
INSERT INTO "append_lock" ("id", "appends") VALUES (1, 0);

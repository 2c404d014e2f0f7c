-- Events partitioned by the month they were recorded in (issue 18; docs/decisions-partitioning.md).
-- The store is converted in place: the table renamed aside, a partitioned one made in its place on
-- the same position sequence, every row copied with its position, the old table dropped.

-- 1. The old table steps aside and gives up its names (index and constraint names are per schema).
ALTER TABLE "events" RENAME TO "events_before_0040";
ALTER TABLE "events_before_0040" RENAME CONSTRAINT "events_pkey" TO "events_before_0040_pkey";
DROP INDEX "events_source_event_id_key";
DROP INDEX "events_stream_stream_version_key";
DROP INDEX "events_userid_occurred_at_idx";
DROP INDEX "events_type_occurred_at_idx";
DROP INDEX "events_correlationid_idx";
DROP INDEX "events_anonymousid_idx";
DROP INDEX "events_occurred_at_idx";
DROP TRIGGER "events_no_update" ON "events_before_0040";
-- The sequence stays as it is (its next value too): only its owner changes.
ALTER TABLE "events_before_0040" ALTER COLUMN "position" DROP DEFAULT;
ALTER SEQUENCE "events_position_seq" OWNED BY NONE;

-- 2. The partitioned table: the same columns in the same order (0001, then 0008's chain_hash).
CREATE TABLE "events" (
    "position" BIGINT NOT NULL DEFAULT nextval('"events_position_seq"'),
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
    "content_hash" TEXT NOT NULL,
    "chain_hash" TEXT
) PARTITION BY RANGE ("recorded_at");
ALTER SEQUENCE "events_position_seq" OWNED BY "events"."position";

-- Every index the reads use, on each partition. A partitioned table's unique index must contain the
-- partition key, so position and (stream, stream_version) are indexed here without uniqueness, for
-- the reads (the feed, a stream), and kept unique in "event_keys" below. (source, event_id) is only
-- ever looked up by an append, which reads event_keys: no index for it here.
CREATE INDEX "events_position_idx" ON "events"("position");
CREATE INDEX "events_stream_stream_version_idx" ON "events"("stream", "stream_version");
CREATE INDEX "events_userid_occurred_at_idx" ON "events"("userid", "occurred_at");
CREATE INDEX "events_type_occurred_at_idx" ON "events"("type", "occurred_at");
CREATE INDEX "events_correlationid_idx" ON "events"("correlationid");
CREATE INDEX "events_anonymousid_idx" ON "events"("anonymousid");
CREATE INDEX "events_occurred_at_idx" ON "events"("occurred_at");

-- 3. The keys: one narrow row per event, unpartitioned, under the three unique constraints the
-- events table had, by their old names (a violation reads as it did: 23505 on events_pkey,
-- events_source_event_id_key or events_stream_stream_version_key). Kept by the triggers below in
-- the statement that writes the events, so nothing that writes events can skip them. The content
-- hash rides along: an append's look-ups (lib/eventstore/lookups.ts) read this table alone, one
-- index, rather than one index per month.
CREATE TABLE "event_keys" (
    "position" BIGINT NOT NULL,
    "source" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "stream_version" INTEGER NOT NULL,
    "content_hash" TEXT NOT NULL,
    CONSTRAINT "events_pkey" PRIMARY KEY ("position")
);
CREATE UNIQUE INDEX "events_source_event_id_key" ON "event_keys"("source", "event_id");
CREATE UNIQUE INDEX "events_stream_stream_version_key" ON "event_keys"("stream", "stream_version");

CREATE FUNCTION "event_keys_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "event_keys" ("position", "source", "event_id", "stream", "stream_version", "content_hash")
    SELECT "position", "source", "event_id", "stream", "stream_version", "content_hash" FROM "inserted";
  RETURN NULL;
END; $$;
CREATE FUNCTION "event_keys_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "event_keys" k USING "deleted" d WHERE k."position" = d."position";
  RETURN NULL;
END; $$;
-- Only an erasure gets an update through the guard (0033); it may rewrite a stream, an event id, the content.
CREATE FUNCTION "event_keys_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "event_keys" k
    SET "source" = n."source", "event_id" = n."event_id", "stream" = n."stream", "stream_version" = n."stream_version", "content_hash" = n."content_hash"
    FROM "updated" n
    WHERE k."position" = n."position"
      AND (k."source", k."event_id", k."stream", k."stream_version", k."content_hash")
        IS DISTINCT FROM (n."source", n."event_id", n."stream", n."stream_version", n."content_hash");
  RETURN NULL;
END; $$;
-- Statement triggers with transition tables: one INSERT of a batch's keys per INSERT of its events.
CREATE TRIGGER "events_keys_insert" AFTER INSERT ON "events" REFERENCING NEW TABLE AS "inserted"
FOR EACH STATEMENT EXECUTE FUNCTION "event_keys_insert"();
CREATE TRIGGER "events_keys_delete" AFTER DELETE ON "events" REFERENCING OLD TABLE AS "deleted"
FOR EACH STATEMENT EXECUTE FUNCTION "event_keys_delete"();
CREATE TRIGGER "events_keys_update" AFTER UPDATE ON "events" REFERENCING NEW TABLE AS "updated"
FOR EACH STATEMENT EXECUTE FUNCTION "event_keys_update"();
-- No TRUNCATE: nothing truncates the events, and a statement trigger could not say which keys went.

-- 4. One partition per month of recorded_at, named events_YYYY_MM, made when first needed: by this
-- migration for the months the store holds and this month and the next, and by an append that
-- finds none for its month (lib/db/event-partitions.ts). No DEFAULT partition (see the decision).
CREATE FUNCTION "events_partition_for"("at" TIMESTAMP) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
  lo TIMESTAMP := date_trunc('month', "at");
  hi TIMESTAMP := date_trunc('month', "at") + INTERVAL '1 month';
  name TEXT := 'events_' || to_char(date_trunc('month', "at"), 'YYYY_MM');
BEGIN
  -- One maker at a time across connections: a second waits, then finds the table made.
  PERFORM pg_advisory_xact_lock(727040);
  IF to_regclass(format('%I', name)) IS NULL THEN
    -- Made apart, then attached: ATTACH takes SHARE UPDATE EXCLUSIVE on the events, which neither a
    -- read nor an append waits for or blocks (CREATE TABLE ... PARTITION OF would take ACCESS
    -- EXCLUSIVE and wait for every running read). The partition's indexes and triggers come from
    -- the events' own on attach.
    EXECUTE format('CREATE TABLE %I (LIKE "events" INCLUDING DEFAULTS)', name);
    EXECUTE format('ALTER TABLE "events" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
  END IF;
  RETURN name;
END; $$;

SELECT "events_partition_for"(m) FROM (SELECT DISTINCT date_trunc('month', "recorded_at") AS m FROM "events_before_0040") AS months;
SELECT "events_partition_for"(now() AT TIME ZONE 'UTC');
SELECT "events_partition_for"((now() AT TIME ZONE 'UTC') + INTERVAL '1 month');

-- 5. The rows, positions and all (the key trigger fills event_keys), then the guard, then the old table gone.
INSERT INTO "events" SELECT * FROM "events_before_0040" ORDER BY "position";
CREATE TRIGGER "events_no_update" BEFORE UPDATE ON "events"
FOR EACH ROW EXECUTE FUNCTION "events_refuse_update"();
DROP TABLE "events_before_0040";
ANALYZE "events";
ANALYZE "event_keys";

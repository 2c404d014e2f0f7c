-- Generations of the session read models (lib/sessions/generations/): the live one has the plain
-- table names; a new one (a rebuild, or changed journey definitions) is built beside it in tables
-- named <table>__g<id> and switched in by renaming, once it has caught up. Retired ones keep
-- their suffixed tables. The first row is the generation the store has now.
CREATE TABLE "journey_generations" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "definitions" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "position" BIGINT NOT NULL DEFAULT 0,
    "head" BIGINT NOT NULL DEFAULT 0,
    "rollups" TEXT NOT NULL DEFAULT 'whole',
    "error_kind" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,
    "switched_at" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3)
);
CREATE INDEX "journey_generations_state_idx" ON "journey_generations"("state");
INSERT INTO "journey_generations" ("id", "state", "definitions", "reason", "position", "head", "created_at", "switched_at")
SELECT 1, 'live', '{}', 'initial', COALESCE((SELECT "position" FROM "projection_checkpoints" WHERE "name" = 'sessions'), 0),
    COALESCE((SELECT MAX("position") FROM "events"), 0), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP;
SELECT setval(pg_get_serial_sequence('"journey_generations"', 'id'), 1);

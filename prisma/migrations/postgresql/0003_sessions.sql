-- Read models of the session projector (lib/sessions). They hold nothing the events do not:
-- `npm run rewind -- projections rebuild` empties and refills them.

CREATE TABLE "projection_checkpoints" ("name" TEXT NOT NULL PRIMARY KEY, "position" BIGINT NOT NULL);
INSERT INTO "projection_checkpoints" ("name", "position") VALUES ('sessions', 0);
CREATE TABLE "identity_links" ("anonymous_id" TEXT NOT NULL PRIMARY KEY, "user_id" TEXT NOT NULL);
CREATE INDEX "identity_links_user_id_idx" ON "identity_links"("user_id");
CREATE TABLE "correlation_owners" ("correlation_id" TEXT NOT NULL PRIMARY KEY, "person" TEXT NOT NULL);
CREATE INDEX "correlation_owners_person_idx" ON "correlation_owners"("person");
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "person" TEXT NOT NULL,
    "user_id" TEXT,
    "anonymous_id" TEXT,
    "journey" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),
    "last_event_at" TIMESTAMP(3) NOT NULL,
    "end_reason" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "event_count" INTEGER NOT NULL,
    "duration_ms" BIGINT NOT NULL,
    "last_step" TEXT NOT NULL,
    "resume_point" JSONB,
    "final_state" JSONB NOT NULL,
    "producer_session_id" TEXT,
    "first_position" BIGINT NOT NULL,
    "last_position" BIGINT NOT NULL,
    "person_name" TEXT
);
CREATE INDEX "sessions_user_id_started_at_idx" ON "sessions"("user_id", "started_at");
CREATE INDEX "sessions_person_last_event_at_idx" ON "sessions"("person", "last_event_at");
CREATE INDEX "sessions_end_reason_last_event_at_idx" ON "sessions"("end_reason", "last_event_at");
CREATE TABLE "session_blocks" ("session_id" TEXT NOT NULL, "block" INTEGER NOT NULL, "positions" JSONB NOT NULL, "state" JSONB, PRIMARY KEY ("session_id", "block"));
CREATE TABLE "session_aliases" ("alias" TEXT NOT NULL PRIMARY KEY, "session_id" TEXT NOT NULL);
CREATE INDEX "session_aliases_session_id_idx" ON "session_aliases"("session_id");
CREATE TABLE "user_summaries" (
    "user_id" TEXT NOT NULL PRIMARY KEY,
    "session_count" INTEGER NOT NULL,
    "first_seen" TIMESTAMP(3) NOT NULL,
    "last_seen" TIMESTAMP(3) NOT NULL,
    "last_outcome" TEXT NOT NULL,
    "open_booking" JSONB,
    "display_name" TEXT
);
CREATE INDEX "user_summaries_last_seen_idx" ON "user_summaries"("last_seen");
CREATE TABLE "user_search_terms" ("term" TEXT NOT NULL, "user_id" TEXT NOT NULL, PRIMARY KEY ("term", "user_id"));
CREATE INDEX "user_search_terms_user_id_idx" ON "user_search_terms"("user_id");

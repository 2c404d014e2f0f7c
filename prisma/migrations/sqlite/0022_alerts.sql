-- Alerts on a stalled journey (lib/alerts/, docs/alerts.md). A rule names a journey, the step its
-- sessions stop at (and a drop reason, optionally) and how many minutes of recorded time without a
-- further event of that customer in the journey make it fire. from_position is the store's head
-- when the rule was made: only sessions whose last event was recorded after it are considered.
-- The secret signs webhook bodies (HMAC-SHA256), so it is kept as it is, not hashed.
CREATE TABLE "alert_rules" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "journey" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "drop_reason" TEXT,
    "after_minutes" INTEGER NOT NULL,
    "webhook_url" TEXT,
    "secret" TEXT NOT NULL,
    "from_position" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL
);
-- A fired alert: once per (rule, session), held by the unique index so two servers evaluating at
-- once fire it once. body is the webhook's JSON exactly as sent on every attempt (same id);
-- delivery is none (no webhook), pending, delivered or failed (gave up after 24 hours).
-- claimed_until is a delivery's lease: a server sends only a delivery whose lease it took.
CREATE TABLE "alerts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rule_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "occurred_at" DATETIME NOT NULL,
    "delivery" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retry_from" DATETIME NOT NULL,
    "next_attempt_at" DATETIME,
    "claimed_until" DATETIME,
    CONSTRAINT "alerts_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "alerts_rule_id_session_id_key" ON "alerts"("rule_id", "session_id");
CREATE INDEX "alerts_delivery_next_idx" ON "alerts"("delivery", "next_attempt_at");
CREATE INDEX "alerts_occurred_idx" ON "alerts"("occurred_at");
-- Each attempt to deliver an alert and what the receiver answered: its status (null: no answer,
-- or refused before sending) and the first characters of its answer, or why it was not sent.
CREATE TABLE "alert_attempts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "alert_id" TEXT NOT NULL,
    "attempted_at" DATETIME NOT NULL,
    "status" INTEGER,
    "answer" TEXT NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "alert_attempts_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "alert_attempts_alert_idx" ON "alert_attempts"("alert_id", "attempted_at");

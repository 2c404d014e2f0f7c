-- Journey analytics (lib/analytics): each session's facts, kept by the projector with the session,
-- and daily counters summed from them, so analytics pages read counters, never events.
ALTER TABLE "sessions" ADD COLUMN "analytics" JSONB;
ALTER TABLE "sessions" ADD COLUMN "analytics_day" TEXT;
ALTER TABLE "sessions" ADD COLUMN "funnel_depth" INTEGER;
ALTER TABLE "sessions" ADD COLUMN "drop_reason" TEXT;
CREATE INDEX "sessions_analytics_day_funnel_depth_idx" ON "sessions"("analytics_day", "funnel_depth");

CREATE TABLE "analytics_daily" (
    "day" TEXT NOT NULL,
    "journey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "k1" TEXT NOT NULL,
    "k2" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "total" REAL NOT NULL,
    PRIMARY KEY ("day", "journey", "kind", "k1", "k2")
);
CREATE INDEX "analytics_daily_journey_kind_day_idx" ON "analytics_daily"("journey", "kind", "day");

-- Times between funnel steps: one histogram (whole seconds → sessions) per day and step, so the
-- median over a range reads days × steps rows however many sessions there were.
CREATE TABLE "analytics_daily_gaps" (
    "day" TEXT NOT NULL,
    "journey" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "histogram" JSONB NOT NULL,
    PRIMARY KEY ("day", "journey", "step")
);

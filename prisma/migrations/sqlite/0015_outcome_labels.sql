-- A session's outcome in its journey's own words (the booking journey's "booked", a data journey's
-- outcome.labels), stored beside the four-word outcome so lists and APIs answer `outcomeLabel`
-- without folding. Analytics facts now hold every journey's dimensions by key: clearing the
-- analytics day has the server re-fold the read models once at start (backfillAnalytics), which
-- fills both.
ALTER TABLE "sessions" ADD COLUMN "outcome_label" TEXT;
UPDATE "sessions" SET "analytics_day" = NULL;

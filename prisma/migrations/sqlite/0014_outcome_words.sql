-- Every journey now ends in the same four words (completed, abandoned, browsed, live); "booked" is
-- the booking journey's label for completed. Drop reasons became keys (payment_declined,
-- timed_out…). Stored outcomes are renamed here so pages read right at once, and every session's
-- analytics facts are cleared so the server re-folds the read models once at start
-- (lib/sessions/projector-runner.ts, backfillAnalytics), which rewrites the facts and counters.
UPDATE "sessions" SET "outcome" = 'completed' WHERE "outcome" = 'booked';
UPDATE "user_summaries" SET "last_outcome" = 'completed' WHERE "last_outcome" = 'booked';
UPDATE "sessions" SET "analytics_day" = NULL;

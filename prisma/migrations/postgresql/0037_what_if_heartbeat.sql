-- What-if jobs on several nodes (issue 18): a job folds in the process that started it, which
-- records that it is alive every few seconds. A running job whose heartbeat has stopped was cut off
-- (its node stopped or died) and is failed by whichever node looks next, rather than every running
-- job being failed whenever any node starts. Rows from before this have none: their created_at stands in.
ALTER TABLE "what_if_jobs" ADD COLUMN "heartbeat_at" TIMESTAMP(3);

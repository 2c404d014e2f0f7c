-- When a generation was retired (issue 14's rollback): the newest REWIND_KEEP_GENERATIONS retired
-- generations keep their tables, and a rollback brings back the one retired last. Ids do not say
-- it: a rollback retires a newer generation than the one it brings back.
ALTER TABLE "journey_generations" ADD COLUMN "retired_at" TIMESTAMP(3);
UPDATE "journey_generations" SET "retired_at" = COALESCE("ended_at", "switched_at", "created_at") WHERE "state" = 'retired';

-- What-if jobs (lib/what-if/): a draft journey definition folded over history in memory, beside
-- the current version, without touching the read models. A row is the job's whole state, so a
-- page reload finds it again and the server can tell at start that one was cut off by a restart.
-- `from`/`to` are inclusive UTC days; done/total count events folded / events to fold; `error`
-- names what went wrong, never event content. Finished jobs are deleted after a day.
CREATE TABLE "what_if_jobs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "requested_by" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "finished_at" DATETIME
);
-- One running job per definition name, held by the database itself: two requests at once cannot both start one.
CREATE UNIQUE INDEX "what_if_jobs_one_running" ON "what_if_jobs"("name") WHERE "state" = 'running';
CREATE INDEX "what_if_jobs_name_created_idx" ON "what_if_jobs"("name", "created_at");

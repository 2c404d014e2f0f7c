-- When a producer key last appended (issue 15: the keys page shows state, created, last used for
-- every key). Written at most once a minute per key, outside the append lock
-- (lib/auth/key-last-used.ts), so it is "last used, to the minute", not a log of appends.
ALTER TABLE "api_keys" ADD COLUMN "last_used_at" DATETIME;

-- What a service key may read (issue 16: notes and personal search paths are for callers allowed
-- to find customers, and a key is such a caller only when given `users.find`). A JSON array of
-- permissions; NULL for keys made before, which read every API and keep doing so.
ALTER TABLE "api_keys" ADD COLUMN "permissions" TEXT;

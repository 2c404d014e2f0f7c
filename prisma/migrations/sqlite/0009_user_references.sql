-- A customer's reference: a random id given to a user id the first time the projector sees it,
-- so pages, links and answers can name a customer whose id is itself personal (an email) without
-- showing it. Random, not a hash: nobody holding the id can recompute it. Not a read model: a
-- rebuild of the projections keeps it, so a reference never changes.
CREATE TABLE "user_references" (
    "user_id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "assigned_at" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "user_references_reference_key" ON "user_references"("reference");
-- Customers projected before references existed (lib/users/user-reference.ts: cus_ + 20 hex).
INSERT INTO "user_references" ("user_id", "reference", "assigned_at")
SELECT "user_id", 'cus_' || lower(hex(randomblob(10))), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') FROM "user_summaries";

-- Search terms know their kind, which decides how they may match: names by whole words, emails
-- and phone numbers only whole, user ids and booking references by a prefix of 3 or more too.
-- Terms projected before this are classified by shape; `projections rebuild` gives every term
-- its kind from the events (until then an older booking reference matches whole only).
ALTER TABLE "user_search_terms" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'name';
UPDATE "user_search_terms" SET "kind" = 'user' WHERE "term" = lower("user_id");
UPDATE "user_search_terms" SET "kind" = 'email' WHERE "kind" = 'name' AND "term" LIKE '%@%';
UPDATE "user_search_terms" SET "kind" = 'phone' WHERE "kind" = 'name' AND "term" NOT GLOB '*[^0-9 ()+.-]*';

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

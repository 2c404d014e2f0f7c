-- Shared rate limits (issue 18): sign-in attempts are counted here rather than in a node's memory,
-- so N nodes behind a load balancer allow the same number of guesses as one. One row per limit and
-- caller (the caller's key is a hash, never an email address or a client address), holding the
-- "theoretical arrival time" of the generic cell rate algorithm in epoch milliseconds: a request
-- is allowed while that time stays within the burst of now. Rows that have fully refilled are swept.
CREATE TABLE "rate_buckets" (
  "scope" TEXT NOT NULL,
  "caller" TEXT NOT NULL,
  "tat_ms" DOUBLE PRECISION NOT NULL,
  "allowed" BOOLEAN NOT NULL,
  PRIMARY KEY ("scope", "caller")
);
CREATE INDEX "rate_buckets_tat_ms_idx" ON "rate_buckets"("tat_ms");

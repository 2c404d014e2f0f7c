-- Leases (issue 18): one row per kind of work only one node may do. The node holding the "leader"
-- lease runs the projector, generation builds, alerts and retention; it renews it every few seconds,
-- and a standby takes it over once it expires (a node killed outright stops renewing). Times are the
-- database's own clock in epoch milliseconds, so nodes' clocks need not agree.
CREATE TABLE "leases" (
  "name" TEXT NOT NULL PRIMARY KEY,
  "holder" TEXT,
  "expires_at_ms" BIGINT NOT NULL DEFAULT 0,
  "acquired_at_ms" BIGINT NOT NULL DEFAULT 0
);
INSERT INTO "leases" ("name") VALUES ('leader');

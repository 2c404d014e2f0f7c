-- One integrity verification at a time across every node (issue 18): each reads the whole store.
-- The verifying node holds this lease, renewing it as it goes; one killed mid-way frees it when it runs out.
INSERT INTO "leases" ("name") VALUES ('integrity-verify');

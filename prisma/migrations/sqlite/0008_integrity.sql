-- The tamper-evidence chain (lib/integrity/chain.ts): each event appended from now on links to the
-- one before it. Events appended earlier keep no link; their content hashes are still checked.
ALTER TABLE "events" ADD COLUMN "chain_hash" TEXT;

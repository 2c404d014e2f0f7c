-- A producer key may be limited to event types as well as a source: a JSON array of glob
-- patterns (lib/glob/glob.ts), e.g. ["search.*","offers.offer.viewed"]; null: any type.
ALTER TABLE "api_keys" ADD COLUMN "types" TEXT;

-- Journey definitions described as data (lib/journey-store/), one row per version: the newest
-- version of a name is in force for the next generation of the read models, the others are its
-- history (who changed what, when). `document` is the JSON text exactly as applied (so an export
-- gives back what was applied). The built-in booking journey is code and has no row.
CREATE TABLE "journey_definitions" (
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_at" DATETIME NOT NULL,
    "summary" TEXT NOT NULL,
    PRIMARY KEY ("name", "version")
);

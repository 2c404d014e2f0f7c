-- Events a projector could not fold, set aside so the events after them are still projected.
CREATE TABLE "dead_letters" (
    "position" BIGINT NOT NULL PRIMARY KEY,
    "projection" TEXT NOT NULL,
    "error_kind" TEXT NOT NULL,
    "set_aside_at" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'set_aside'
);
CREATE INDEX "dead_letters_status_idx" ON "dead_letters"("status");

-- Notes on a moment of a replay (issue 16): free text an agent or admin pins to one event of a
-- session. Kept as written (it may name the customer: it is read only by callers with users.find,
-- through the patterns). `position` is the event's place in the store (stable across rebuilds);
-- `seq` its index in the session when the note was written. `user_id` is the session's customer
-- (null for a visitor), so the customer page lists their notes in one indexed read.
CREATE TABLE "notes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "session_id" TEXT NOT NULL,
    "user_id" TEXT,
    "seq" INTEGER NOT NULL,
    "position" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "author_label" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL
);
CREATE INDEX "notes_session_id_seq_idx" ON "notes"("session_id", "seq");
CREATE INDEX "notes_user_id_created_at_idx" ON "notes"("user_id", "created_at");

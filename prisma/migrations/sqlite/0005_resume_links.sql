-- Resume links: each signed token names one of these rows, so a link can be revoked and listed.
CREATE TABLE "resume_links" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "expires_at" DATETIME NOT NULL,
    "revoked_at" DATETIME,
    "revoked_by" TEXT
);
CREATE INDEX "resume_links_user_id_created_at_idx" ON "resume_links"("user_id", "created_at");

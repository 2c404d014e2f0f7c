-- An invited user's one-time password (and one an admin resets) must be changed at first sign-in.
ALTER TABLE "auth_users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;

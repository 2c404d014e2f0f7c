"use client";

import { authClient } from "@/lib/auth/auth-client";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        await authClient.signOut();
        window.location.assign("/sign-in");
      }}
      className="rounded px-2 py-1 text-slate-300 hover:bg-slate-800 hover:text-white"
    >
      Sign out
    </button>
  );
}

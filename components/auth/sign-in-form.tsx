"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { Notice } from "@/components/ui/notice";

const SUBMIT_BUTTON =
  "w-full rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-amber-500 dark:text-slate-950";

/** What a browser that would not store the session cookie is told, instead of a silent reload. */
export const COOKIE_REFUSED =
  "You are signed in, but your browser refused the sign-in cookie, so the next page would not know you. Open Rewind over https, or at http://localhost.";

function messageFor(status: number): string {
  if (status === 429) return "Too many sign-in attempts. Wait a minute and try again.";
  if (status === 401) return "That email and password do not match an account.";
  if (status === 403) return "This account is disabled, or the request came from another site.";
  return "Sign-in failed. Try again.";
}

export function SignInForm({ next }: { next: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (failure) {
      setPending(false);
      setError(messageFor(failure.status));
      return;
    }
    // The answer set the cookie; ask for the session with it. None back: the browser dropped the
    // cookie (a Secure one over plain http, blocked cookies) and navigating would land here again.
    const { data: session } = await authClient.getSession();
    if (!session) {
      setPending(false);
      setError(COOKIE_REFUSED);
      return;
    }
    // A full navigation: the server renders the next page with the new session cookie.
    window.location.assign(next ?? "/");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Sign in">
      <h1 className="text-xl font-semibold">Sign in</h1>
      <label className="block space-y-1 text-sm">
        <span>Email</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="w-full rounded border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-950"
        />
      </label>
      <label className="block space-y-1 text-sm">
        <span>Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="w-full rounded border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-950"
        />
      </label>
      {error && (
        <Notice role="alert" tone="error">
          {error}
        </Notice>
      )}
      <button type="submit" disabled={pending} className={SUBMIT_BUTTON}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

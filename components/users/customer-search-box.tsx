"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useTransition } from "react";
import { formatWallClock } from "@/components/replay/format-time";
import { searchCustomersAction } from "@/lib/actions/users";
import { customerHref } from "@/lib/users/customer-href";
import { customerStory, storyInWords } from "@/lib/users/customer-story";
import { nextHighlight, SUGGEST_DEBOUNCE_MS, SUGGEST_FROM } from "@/lib/users/suggestion-keys";

const SEARCH_INPUT =
  "w-36 rounded sm:w-48 xl:w-80 bg-slate-800 px-3 py-1 text-sm text-white placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-amber-400";

// On a phone the list spans the screen under the top bar (the box sits mid-row); wider, it hangs
// from the box. Lines wrap: the top bar keeps its own text on one line.
const LISTBOX =
  "fixed inset-x-2 top-16 z-30 max-h-96 overflow-y-auto whitespace-normal rounded border border-slate-200 bg-white py-1 text-sm text-slate-900 " +
  "shadow-lg md:absolute md:inset-x-auto md:top-full md:right-0 md:mt-1 md:w-96 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

const PENDING_SEARCH = "rewind.pending-search";

interface Suggestion {
  userId: string;
  reference: string;
  displayName: string | null;
  sessionCount: number;
  lastSeen: string;
  lastOutcome: string;
  openBooking: unknown;
}

/**
 * The top bar's customer search: suggestions while typing (GET /api/users?suggest=true, masked on
 * the server, not on record; opening one is, as a view of the customer), moved through with the
 * arrow keys; Enter without a highlight submits the settled search, which goes to the results page
 * sealed (lib/actions/users.ts) so what was typed is not in the URL.
 */
export function CustomerSearchBox() {
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ for: string; users: Suggestion[]; more: boolean } | null>(null);
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(-1);
  const [notice, setNotice] = useState<string | null>(null);
  const [, startSearch] = useTransition();

  // The results page is reached by a redirect that mounts the box afresh: what was typed comes
  // back from this tab's storage, once (not from the URL, which holds it sealed).
  useEffect(() => {
    const pending = sessionStorage.getItem(PENDING_SEARCH);
    sessionStorage.removeItem(PENDING_SEARCH);
    if (pending !== null && new URLSearchParams(window.location.search).has("q")) setQuery(pending);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (q.length < SUGGEST_FROM) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/users?${new URLSearchParams({ query: q, suggest: "true" })}`, { signal: controller.signal });
        if (response.status === 429) return setNotice("Too many searches in a short time: wait a moment.");
        if (!response.ok) return;
        const body = (await response.json()) as { users: Suggestion[]; more: boolean };
        setNotice(null);
        setFound({ for: q, ...body });
        setHighlight(-1);
      } catch {
        // aborted by the next keystroke, or offline: the settled search still works
      }
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const shown = open && query.trim().length >= SUGGEST_FROM && found !== null && found.for === query.trim() ? found.users : [];
  const go = (s: Suggestion) => {
    setOpen(false);
    router.push(customerHref(s.userId, s.reference));
  };

  return (
    // Submitted by hand, not as a form action: React resets a form after its action, which emptied
    // the box on the results page ("Add to the search to narrow it" beside an empty box).
    <form
      action={searchCustomersAction}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        sessionStorage.setItem(PENDING_SEARCH, query);
        setOpen(false);
        startSearch(() => searchCustomersAction(form));
      }}
      role="search"
      className="relative"
    >
      <input
        name="query"
        type="search"
        role="combobox"
        aria-label="Find a customer"
        aria-autocomplete="list"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={highlight >= 0 && shown[highlight] ? `${listId}-${highlight}` : undefined}
        autoComplete="off"
        placeholder="Find a customer"
        title="Id, name, email or booking reference"
        className={SEARCH_INPUT}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && highlight >= 0 && shown[highlight]) {
            e.preventDefault();
            go(shown[highlight]);
            return;
          }
          const next = nextHighlight(highlight, e.key, shown.length);
          if (next === null || (shown.length === 0 && e.key !== "Escape")) return;
          e.preventDefault();
          if (e.key === "Escape") setOpen(false);
          setHighlight(next);
        }}
      />
      {notice && open && (
        <p role="status" className="absolute right-0 z-30 mt-1 w-72 rounded bg-white p-2 text-xs text-slate-700 shadow dark:bg-slate-800 dark:text-slate-200">
          {notice}
        </p>
      )}
      {shown.length > 0 && (
        <div id={listId} role="listbox" aria-label="Suggested customers" className={LISTBOX}>
          {shown.map((s, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard moves through the options from the text box (aria-activedescendant)
            <div
              key={s.reference}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === highlight}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(s)}
              className={`cursor-pointer px-3 py-1.5 ${i === highlight ? "bg-amber-100 dark:bg-slate-700" : "hover:bg-slate-50 dark:hover:bg-slate-800"}`}
            >
              <span className="font-medium">{s.displayName ?? s.userId}</span>{" "}
              <span className="text-xs text-slate-500 dark:text-slate-400">{s.displayName ? s.userId : s.reference}</span>
              <span className="block text-xs text-slate-500 dark:text-slate-400">
                last seen {formatWallClock(Date.parse(s.lastSeen))} · {s.sessionCount} session{s.sessionCount === 1 ? "" : "s"} ·{" "}
                {storyInWords(customerStory(s))}
              </span>
            </div>
          ))}
          {found?.more && <p className="px-3 py-1 text-xs text-slate-500">More match: press Enter for all, or type more.</p>}
        </div>
      )}
    </form>
  );
}

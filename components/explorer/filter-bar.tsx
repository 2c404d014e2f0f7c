"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { typeFamilies } from "@/lib/explorer/explorer-filter";

const INPUT =
  "rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1 text-sm font-normal text-slate-900 dark:text-slate-100 " +
  "focus:border-amber-500 focus:outline-none focus:ring-1 focus:ring-amber-500";
const APPLY_BUTTON =
  "rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-amber-500 dark:text-slate-950 dark:hover:bg-amber-400";

const FIELDS = [
  { name: "type", label: "Type", placeholder: "any type, or search.*, a,b", list: "event-types" },
  { name: "user", label: "User", placeholder: "user id" },
  { name: "stream", label: "Stream", placeholder: "e.g. booking/BK-1042" },
  { name: "correlation", label: "Correlation", placeholder: "correlation id" },
  { name: "from", label: "From", placeholder: "YYYY-MM-DD[THH:MM]" },
  { name: "to", label: "To", placeholder: "YYYY-MM-DD[THH:MM]" },
] as const;

/** The explorer's filters; applying them navigates, so every filtered view is a deep link. */
export function FilterBar({ filter, types }: { filter: Record<string, string>; types: string[] }) {
  const router = useRouter();
  const go = (form: HTMLFormElement, type?: string) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name !== "pick" && typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
    }
    if (type) params.set("type", type);
    router.push(`/events${params.size > 0 ? `?${params}` : ""}`);
  };
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    go(e.currentTarget);
  };
  const families = typeFamilies(types);
  return (
    <form onSubmit={apply} role="search" aria-label="Filter events" className="flex flex-wrap items-end gap-2">
      {FIELDS.map((f) => (
        <label key={f.name} className="flex flex-col text-xs font-medium text-slate-600 dark:text-slate-400">
          {f.label}
          <input
            name={f.name}
            defaultValue={filter[f.name] ?? ""}
            placeholder={f.placeholder}
            list={"list" in f ? f.list : undefined}
            className={`mt-1 ${f.name === "type" || f.name === "stream" ? "w-60" : "w-40"} ${INPUT}`}
          />
        </label>
      ))}
      {/* The store's types in view (a datalist alone went unnoticed): a pick applies at once, the other filters kept. */}
      <label className="flex flex-col text-xs font-medium text-slate-600 dark:text-slate-400">
        Types in the store
        <select name="pick" value="" onChange={(e) => e.target.value && go(e.currentTarget.form!, e.target.value)} className={`mt-1 w-52 ${INPUT}`}>
          <option value="">pick a type ({types.length})…</option>
          <optgroup label="Families">
            {families.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </optgroup>
          <optgroup label="Types">
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <datalist id="event-types">
        {types.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <button type="submit" className={APPLY_BUTTON}>
        Apply filters
      </button>
      {Object.keys(filter).length > 0 && (
        <button
          type="button"
          onClick={() => router.push("/events")}
          className="rounded border border-slate-300 dark:border-slate-600 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
        >
          Clear
        </button>
      )}
    </form>
  );
}

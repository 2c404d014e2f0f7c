"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

const INPUT =
  "mt-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm font-normal text-slate-900 focus:border-amber-500 focus:outline-none focus:ring-1 " +
  "focus:ring-amber-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";
const LABEL = "flex flex-col text-xs font-medium text-slate-600 dark:text-slate-400";
const OPS = [
  ["eq", "is"],
  ["ne", "is not"],
  ["in", "is one of (JSON list)"],
  ["exists", "exists (true/false)"],
  ["gt", "more than"],
  ["lt", "less than"],
] as const;

export interface JourneyChoice {
  name: string;
  label: string;
  steps: { key: string; label: string }[];
  dropReasons: { key: string; label: string }[];
  dimensions: { key: string; label: string }[];
}

/** The filter as the URL carries it (lib/search/query.ts pageSearchQuerySchema), raw. */
export interface BuilderValues {
  journey?: string;
  from?: string;
  to?: string;
  outcome?: string;
  reached: string[];
  notReached: string[];
  dropReason?: string;
  hasType?: string;
  where: string[];
  minEvents?: string;
  maxEvents?: string;
  minDuration?: string;
  maxDuration?: string;
  dimension: string[];
}

type WhereRow = { path: string; op: string; value: string };
const splitWhere = (w: string): WhereRow => {
  const [path = "", op = "eq", ...rest] = w.split(":");
  return { path, op, value: rest.join(":") };
};
const minutes = (seconds?: string) => (seconds ? String(Number(seconds) / 60) : "");

/**
 * The sessions page's filter builder: every filter of GET /api/sessions and a few more (event
 * count, duration, the journey's dimensions). Applying it navigates, so every search is a link.
 */
export function SearchBuilder({
  journeys,
  values,
  types,
  outcomes,
}: {
  journeys: JourneyChoice[];
  values: BuilderValues;
  types: string[];
  outcomes: string[];
}) {
  const router = useRouter();
  const [journeyName, setJourneyName] = useState(values.journey ?? "");
  const [rows, setRows] = useState<WhereRow[]>(values.where.length > 0 ? values.where.map(splitWhere) : [{ path: "", op: "eq", value: "" }]);
  const journey = journeys.find((j) => j.name === journeyName);
  const dims = new Map(values.dimension.map((d) => [d.slice(0, d.indexOf(":")), d.slice(d.indexOf(":") + 1)]));

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const params = new URLSearchParams({ search: "1" });
    for (const name of ["journey", "from", "to", "outcome", "dropReason", "hasType", "minEvents", "maxEvents"]) if (text(name)) params.set(name, text(name));
    for (const [name, field] of [
      ["minDuration", "minDurationMinutes"],
      ["maxDuration", "maxDurationMinutes"],
    ] as const) {
      if (text(field)) params.set(name, String(Math.round(Number(text(field)) * 60)));
    }
    for (const step of journey?.steps ?? []) {
      const said = text(`step:${step.key}`);
      if (said === "reached") params.append("reached", step.key);
      if (said === "not") params.append("notReached", step.key);
    }
    for (const r of rows) if (r.path.trim()) params.append("where", `${r.path.trim()}:${r.op}:${r.value}`);
    for (const d of journey?.dimensions ?? []) if (text(`dim:${d.key}`)) params.append("dimension", `${d.key}:${text(`dim:${d.key}`)}`);
    router.push(`/sessions?${params}`);
  };

  return (
    <form onSubmit={apply} role="search" aria-label="Filter sessions" className="space-y-3" data-testid="search-builder">
      <div className="flex flex-wrap items-end gap-2">
        <label className={LABEL}>
          Journey
          <select name="journey" value={journeyName} onChange={(e) => setJourneyName(e.target.value)} className={`${INPUT} w-48`}>
            <option value="">any journey</option>
            {journeys.map((j) => (
              <option key={j.name} value={j.name}>
                {j.label}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Started from
          <input type="date" name="from" defaultValue={values.from} className={`${INPUT} w-40`} />
        </label>
        <label className={LABEL}>
          to
          <input type="date" name="to" defaultValue={values.to} className={`${INPUT} w-40`} />
        </label>
        <label className={LABEL}>
          Outcome
          <select name="outcome" defaultValue={values.outcome ?? ""} className={`${INPUT} w-36`}>
            <option value="">any outcome</option>
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        {journey && (
          <label className={LABEL}>
            Drop reason
            <select name="dropReason" defaultValue={values.dropReason ?? ""} className={`${INPUT} w-48`}>
              <option value="">any</option>
              {journey.dropReasons.map((r) => (
                <option key={r.key} value={r.key}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {journey && journey.steps.length > 0 && (
        <fieldset className="flex flex-wrap gap-2">
          <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">Steps</legend>
          {journey.steps.map((s) => (
            <label key={s.key} className={LABEL}>
              {s.label}
              <select
                name={`step:${s.key}`}
                defaultValue={values.reached.includes(s.key) ? "reached" : values.notReached.includes(s.key) ? "not" : ""}
                className={`${INPUT} w-36`}
              >
                <option value="">either</option>
                <option value="reached">reached</option>
                <option value="not">not reached</option>
              </select>
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="space-y-2">
        <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">Has an event</legend>
        <label className={LABEL}>
          of type
          <input
            name="hasType"
            defaultValue={values.hasType}
            placeholder="any type, or payment.*"
            list="search-event-types"
            className={`${INPUT} w-72 max-w-full`}
          />
        </label>
        <datalist id="search-event-types">
          {types.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
          <div key={i} className="flex flex-wrap items-end gap-2" data-testid="where-row">
            <label className={LABEL}>
              whose
              <input
                aria-label="data path"
                value={r.path}
                placeholder="data.reason"
                onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, path: e.target.value } : x)))}
                className={`${INPUT} w-52`}
              />
            </label>
            <select
              aria-label="test"
              value={r.op}
              onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, op: e.target.value } : x)))}
              className={`${INPUT} w-44`}
            >
              {OPS.map(([op, words]) => (
                <option key={op} value={op}>
                  {words}
                </option>
              ))}
            </select>
            <input
              aria-label="value"
              value={r.value}
              placeholder="card_declined"
              onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
              className={`${INPUT} w-44`}
            />
            {rows.length > 1 && (
              <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))} className="pb-1 text-xs text-slate-500 underline">
                remove
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          onClick={() => setRows([...rows, { path: "", op: "eq", value: "" }])}
          className="text-xs text-amber-700 underline dark:text-amber-400"
        >
          and a condition on the same event
        </button>
      </fieldset>
      <div className="flex flex-wrap items-end gap-2">
        <label className={LABEL}>
          Events, at least
          <input type="number" min={0} name="minEvents" defaultValue={values.minEvents} className={`${INPUT} w-24`} />
        </label>
        <label className={LABEL}>
          at most
          <input type="number" min={0} name="maxEvents" defaultValue={values.maxEvents} className={`${INPUT} w-24`} />
        </label>
        <label className={LABEL}>
          Minutes long, at least
          <input type="number" min={0} step="any" name="minDurationMinutes" defaultValue={minutes(values.minDuration)} className={`${INPUT} w-24`} />
        </label>
        <label className={LABEL}>
          at most
          <input type="number" min={0} step="any" name="maxDurationMinutes" defaultValue={minutes(values.maxDuration)} className={`${INPUT} w-24`} />
        </label>
        {journey?.dimensions.map((d) => (
          <label key={d.key} className={LABEL}>
            {d.label}
            <input name={`dim:${d.key}`} defaultValue={dims.get(d.key) ?? ""} placeholder="any" className={`${INPUT} w-36`} />
          </label>
        ))}
      </div>
      <button
        type="submit"
        className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-amber-500 dark:text-slate-950"
      >
        Find sessions
      </button>
    </form>
  );
}

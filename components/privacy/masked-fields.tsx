"use client";

import { useMemo, useState } from "react";
import { revealFieldAction } from "@/lib/actions/reveal";
import { isMasked } from "@/lib/privacy/mask";
import { ReasonForm } from "./reason-form";

type Path = (string | number)[];

/** The paths inside `data` whose values arrived masked. */
function maskedPaths(value: unknown, path: Path = []): Path[] {
  if (isMasked(value)) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => maskedPaths(v, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => maskedPaths(v, [...path, k]));
  return [];
}

const label = (path: Path) => `data.${path.join(".")}`;

/** Each masked field of an event, with a reveal that asks for a reason; a revealed value lives in this view only. */
export function MaskedFields({ event, sessionId }: { event: { position: number; data?: unknown }; sessionId: string | null }) {
  const paths = useMemo(() => maskedPaths(event.data), [event.data]);
  const [asking, setAsking] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<Record<string, unknown>>({});
  if (paths.length === 0) return null;
  return (
    <div role="group" aria-label="Masked fields" className="space-y-1 border-t border-slate-200 px-4 py-2 text-xs dark:border-slate-700">
      <p className="text-slate-500">Masked personal data. Reveal a field only when a ticket needs it. The reveal and your reason go into the access log.</p>
      <ul className="space-y-1">
        {paths.map((path) => {
          const key = label(path);
          return (
            <li key={key} className="flex flex-wrap items-center gap-2">
              <code className="font-mono">{key}</code>
              {key in revealed ? (
                <span data-testid="revealed-value" className="rounded bg-red-50 px-1.5 font-mono text-red-900 dark:bg-red-950 dark:text-red-200">
                  {typeof revealed[key] === "string" ? (revealed[key] as string) : JSON.stringify(revealed[key])}
                </span>
              ) : asking === key ? (
                <ReasonForm
                  label="Reveal"
                  onCancel={() => setAsking(null)}
                  onSubmit={async (reason) => {
                    const result = await revealFieldAction(event.position, path, reason, sessionId);
                    if (!result.ok) return result.error;
                    setRevealed((r) => ({ ...r, [key]: result.value }));
                    setAsking(null);
                    return null;
                  }}
                />
              ) : (
                <button type="button" onClick={() => setAsking(key)} className="text-red-700 underline dark:text-red-300">
                  Reveal…
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import type { VerificationAnswer } from "@/lib/data/integrity";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";

type Progress = { checked: number; position: number; head: number };

/** Reads the verification's NDJSON stream: progress while it runs, then the result. */
async function runVerification(digest: string, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<VerificationAnswer> {
  const query = digest.trim() ? `?${new URLSearchParams({ digest: digest.trim() })}` : "";
  const response = await fetch(`/api/integrity/verify${query}`, { signal });
  if (!response.ok || !response.body) {
    const body = await response.json().catch(() => null);
    // The API names the parameter; here there is only the one field.
    throw new Error(String(body?.error?.message ?? `verification refused (${response.status})`).replace(/^query parameter "digest": /, ""));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
      const line = JSON.parse(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      if (line.progress) onProgress(line.progress);
      if (line.error) throw new Error(line.error.message);
      if (line.result) return line.result as VerificationAnswer;
    }
  }
  throw new Error("the verification ended without a result");
}

export function IntegrityVerifier() {
  const [digest, setDigest] = useState("");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<VerificationAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  // Leaving the page stops the server's read of the store.
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRunning(true);
    setResult(null);
    setError(null);
    setProgress(null);
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      setResult(await runVerification(digest, setProgress, controller.signal));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setRunning(false);
    }
  }

  return (
    <Card aria-label="Verify the store" className="space-y-3">
      <h2 className="font-semibold">Verify the store</h2>
      <form onSubmit={onSubmit} className="space-y-3">
        <label className="block space-y-1 text-sm">
          <span>A digest you kept earlier (optional): proves nothing up to it was changed, removed or rewritten since</span>
          <input
            name="digest"
            value={digest}
            onChange={(e) => setDigest(e.target.value)}
            placeholder="rewind-digest:v1:…"
            spellCheck={false}
            className="w-full rounded border border-slate-300 bg-white px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
          />
        </label>
        <Button type="submit" variant="action" disabled={running}>
          {running ? "Verifying…" : "Verify every event"}
        </Button>
      </form>
      {progress && running && (
        <div className="flex items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
          <progress
            aria-label="Verification progress"
            className="h-2 w-64 accent-amber-500"
            max={Math.max(progress.head, 1)}
            value={Math.min(progress.position, progress.head)}
          />
          <span className="tabular-nums">{progress.checked.toLocaleString("en")} events checked</span>
        </div>
      )}
      {error && (
        <Notice role="alert" tone="error">
          {error}
        </Notice>
      )}
      {result && (
        <Notice as="div" role="status" data-ok={result.ok} tone={result.ok ? "intact" : "broken"} className="space-y-2">
          <p className="font-medium">
            {result.ok
              ? `Intact: all ${result.checked.toLocaleString("en")} events hash to what was recorded when they were appended` +
                `${result.unchained < result.checked ? ", and the chain is unbroken" : ""}${result.digest ? ", up to and including the digest you gave" : ""}.`
              : `${result.problemCount.toLocaleString("en")} problem${result.problemCount === 1 ? "" : "s"} in ${result.checked.toLocaleString("en")} events:`}
          </p>
          {result.purged > 0 && (
            <p>
              {result.purged.toLocaleString("en")} events were purged by the retention policy: each left a tombstone that keeps the chain whole, and its content
              is in the purge's archive (check one with <code>integrity verify --archive</code>).
            </p>
          )}
          {result.erasures.map((e) => (
            <p key={e.record}>{e.message}: their personal data was taken out on request, and the record, itself in the chain, vouches for each change.</p>
          ))}
          {result.unchained > 0 && (
            <p>
              {result.unchained.toLocaleString("en")} events were appended before the chain began: their content is checked, their order and completeness cannot
              be.
            </p>
          )}
          {result.problems.length > 0 && (
            <ul className="list-disc space-y-1 pl-5">
              {result.problems.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one answer's list, never reordered or edited; the index tells repeats apart
                <li key={`${p.kind}-${p.position}-${i}`}>
                  {p.message}
                  {/* A digest problem is about the digest, not about one event to look at: no link. */}
                  {p.kind !== "digest" && (
                    <>
                      {" "}
                      <a className="underline" href={`/events?event=${p.position}`}>
                        open event {p.position}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {result.problemCount > result.problems.length && <p>The first {result.problems.length} are listed.</p>}
          {result.head && (
            <p className="text-xs">
              Digest now: <code className="break-all font-mono">{result.head}</code>
            </p>
          )}
        </Notice>
      )}
    </Card>
  );
}

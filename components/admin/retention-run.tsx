"use client";

import { useActionState } from "react";
import type { RetentionRunOutcome } from "@/lib/data/retention";
import { buttonClass } from "../ui/button";
import { ConfirmButton } from "../ui/confirm-button";
import { Notice } from "../ui/notice";
import { RetentionRulesTable } from "./retention-preview";

type RunAction = (state: RetentionRunOutcome | null, form: FormData) => Promise<RetentionRunOutcome | null>;

const events = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "event" : "events"}`;

/**
 * "Run now": a purge with the version in force, asked first (it removes events for good; the
 * archive keeps them). The form names the version the admin saw, so a version saved meanwhile is
 * refused rather than run in their name. While it runs the button waits; then the result: how many
 * went, the archive, and the archive checked against the store.
 */
export function RetentionRun({ version, busy, run }: { version: number; busy: string | null; run: RunAction }) {
  const [outcome, submit, running] = useActionState(run, null);
  return (
    <form action={submit} aria-label="Run the policy now" className="space-y-3">
      <input type="hidden" name="version" value={version} />
      {busy && (
        <Notice role="status" tone="warning">
          {busy}
        </Notice>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <ConfirmButton
          question={`Run retention policy v${version} now? The events it says are due are archived, then removed from the store for good.`}
          className={buttonClass("action")}
          disabled={running || busy !== null}
        >
          {running ? "Running…" : "Run now"}
        </ConfirmButton>
        {running && (
          <span role="status" className="text-sm text-slate-500">
            Archiving the due events, then removing them in batches; ingestion goes on meanwhile.
          </span>
        )}
      </div>
      {outcome && !outcome.ok && (
        <Notice role="alert" tone={outcome.reason === "busy" ? "warning" : "error"}>
          {outcome.reason === "busy" ? "Not started: " : "Not run: "}
          {outcome.error}
        </Notice>
      )}
      {outcome?.ok && <RunResult run={outcome.run} />}
    </form>
  );
}

function RunResult({ run }: { run: Extract<RetentionRunOutcome, { ok: true }>["run"] }) {
  if (run.count === 0)
    return (
      <Notice role="status" tone="success">
        Nothing was due under v{run.policyVersion}: no event removed.
      </Notice>
    );
  const verify = run.verify;
  return (
    <section aria-label="Purge result" className="space-y-2">
      <Notice as="div" role="status" tone="success" className="space-y-1">
        <p data-testid="removed">
          Removed {events(run.count)} under v{run.policyVersion} ({run.purgeId}).
        </p>
        <p>
          Archive{" "}
          <code data-testid="archive" className="break-all">
            {run.archive}
          </code>
          , manifest <code className="break-all">{run.manifest}</code> (in <code>REWIND_ARCHIVE_DIR</code>).
        </p>
      </Notice>
      {verify && (
        <Notice as="div" role="status" tone={verify.problemCount === 0 ? "intact" : "broken"} data-testid="verify">
          {verify.problemCount === 0 ? (
            <p>Verified: the archive's {events(verify.checked)} hash to their tombstones and their chain links recompute.</p>
          ) : (
            <>
              <p>
                The archive does not verify: {verify.problemCount} {verify.problemCount === 1 ? "problem" : "problems"} in {events(verify.checked)}.
              </p>
              <ul className="list-disc pl-5">
                {verify.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </Notice>
      )}
      <RetentionRulesTable label="Removed by rule" rules={run.rules} verb="Removed" />
    </section>
  );
}

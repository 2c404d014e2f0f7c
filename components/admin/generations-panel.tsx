import type { GenerationWithDisk, RollbackStatus } from "@/lib/data/generations";
import { discardGenerationAction, rollBackGenerationAction } from "@/lib/actions/generations";
import { progressWords } from "@/lib/sessions/generations/progress-line";
import { diskWords, foldedWithWords } from "@/lib/sessions/generations/generation-words";
import { formatWallClock } from "../replay/format-time";
import { Badge, type BadgeTone } from "../ui/badge";
import { Cell, DataTable, Row } from "../ui/data-table";
import { Notice } from "../ui/notice";
import { ActionForm } from "./action-form";
import { RefreshWhile } from "./refresh-while";

const STATE_TONES: Record<GenerationWithDisk["state"], BadgeTone> = { live: "emerald", building: "sky", retired: "slate", failed: "rose" };

const when = (date: Date | null) => (date ? formatWallClock(date.getTime()) : "—");

function Rollback({ status }: { status: RollbackStatus | null }) {
  if (!status) return null;
  if (status.state === "catching-up")
    return (
      <Notice role="status" tone="warning">
        Rolling back to generation {status.id}: folding the events appended since it was retired, {progressWords(status.position, status.head)}; pages show the
        current version until it is switched in.
      </Notice>
    );
  if (status.state === "done")
    return (
      <Notice role="status" tone="success">
        Rolled back: generation {status.id} is live again ({status.folded.toLocaleString("en-US")} {status.folded === 1 ? "event" : "events"} folded first);
        generation {status.retired} is kept.
      </Notice>
    );
  return (
    <Notice role="alert" tone="error">
      The rollback did not finish: {status.error}
    </Notice>
  );
}

/**
 * The generations of the read models: which is live, which are kept (a rollback brings back the
 * one retired last; discard drops one's tables), what folded each and the disk it uses.
 */
export function GenerationsPanel({ generations, rollback }: { generations: readonly GenerationWithDisk[]; rollback: RollbackStatus | null }) {
  const kept = generations.filter((g) => g.kept);
  const rollbackTarget = [...kept].sort((a, b) => (b.retiredAt?.getTime() ?? 0) - (a.retiredAt?.getTime() ?? 0) || b.id - a.id)[0];
  const catchingUp = rollback?.state === "catching-up";
  return (
    <section aria-labelledby="generations-heading" className="space-y-2">
      <h2 id="generations-heading" className="font-semibold">
        Generations
      </h2>
      <p className="text-sm text-slate-500">
        Each save (or rebuild, or a release that changes a built-in fold) folds every event into a new generation of the read models. The previous ones are kept
        (REWIND_KEEP_GENERATIONS) until discarded, so going back is instant: only the events appended since are folded before the switch.
      </p>
      <RefreshWhile active={catchingUp} everyMs={1_000} />
      <Rollback status={rollback} />
      <DataTable label="Generations" columns={["Generation", "State", "Why", "Folded with", "Switched in", ["Disk", "text-right"], ""]}>
        {generations.map((g) => (
          <Row key={g.id} data-generation={g.id}>
            <Cell className="font-medium">{g.id}</Cell>
            <Cell>
              <Badge tone={STATE_TONES[g.state]}>{g.kept ? "kept" : g.state}</Badge>
            </Cell>
            <Cell>{g.reason}</Cell>
            <Cell className="text-xs">{foldedWithWords(g.definitions)}</Cell>
            <Cell className="text-xs text-slate-500">{when(g.switchedAt)}</Cell>
            <Cell numeric>{g.state === "failed" || (g.state === "retired" && !g.kept) ? "—" : diskWords(g.bytes)}</Cell>
            <Cell className="space-y-1">
              {g === rollbackTarget && !catchingUp && (
                <ActionForm
                  action={rollBackGenerationAction}
                  label="Roll back"
                  className="space-y-1"
                  compact
                  confirm={`Roll the read models back to generation ${g.id} (${foldedWithWords(g.definitions)})? The live one is kept: this can be undone.`}
                >
                  <input type="hidden" name="id" value={g.id} />
                </ActionForm>
              )}
              {g.kept && !catchingUp && (
                <ActionForm
                  action={discardGenerationAction}
                  label="Discard"
                  className="space-y-1"
                  compact
                  confirm={`Discard generation ${g.id}? Its tables are dropped and it can no longer be rolled back to.`}
                >
                  <input type="hidden" name="id" value={g.id} />
                </ActionForm>
              )}
            </Cell>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { GenerationsPanel } from "@/components/admin/generations-panel";
import { JourneyEditor } from "@/components/admin/journey-editor";
import { JourneyList } from "@/components/admin/journey-list";
import { RefreshWhile } from "@/components/admin/refresh-while";
import { VersionHistory } from "@/components/admin/version-history";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { previewJourneyAction, saveJourneyAction } from "@/lib/actions/journeys";
import { listGenerationsWithDisk, rollbackStatus } from "@/lib/data/generations";
import { getJourneysAdmin } from "@/lib/data/journey-admin";
import { findWhatIf, getWhatIfDraft } from "@/lib/data/what-if-page";
import { readRange } from "@/lib/analytics/range";
import { requireViewer } from "@/lib/data/viewer";
import { STARTER_DEFINITION } from "@/lib/journey-store/starter-definition";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Journeys" };

export default async function AdminJourneysPage({ searchParams }: { searchParams: Promise<{ name?: string | string[]; whatIf?: string | string[] }> }) {
  await requireViewer("admin.manage");
  const params = await searchParams;
  const raw = params.name;
  const name = typeof raw === "string" && raw !== "" ? raw : null;
  const [{ journeys, history, building }, generations] = await Promise.all([getJourneysAdmin(name), listGenerationsWithDisk()]);
  const whatIfId = typeof params.whatIf === "string" ? params.whatIf : null;
  const whatIf = await findWhatIf(whatIfId, name);
  // Opened on a what-if (its link, a reload): the editor holds the draft that was tried, not the stored version.
  const tried = whatIfId ? await getWhatIfDraft(whatIfId) : null;
  const draftText = tried && (name === null || tried.name === name) ? tried.source : null;
  const selected = name ? journeys.find((j) => j.name === name) : undefined;
  const failed = selected?.build?.state === "failed" ? selected.build : null;
  const head = history[0];
  return (
    <div className="space-y-5">
      <AdminTabs current="/admin/journeys" />
      <p className="text-sm text-slate-500">
        A journey is described as JSON: which events it claims, its steps, outcome, facts, dimensions and drop reasons (see docs/journeys.md). Saving stores a
        new version and folds every event again into a new version of the read models, built beside the live one; pages show the live one until it has caught
        up. The built-in holiday-booking journey is code and cannot be edited here.
      </p>
      {/* The layout says a new version is being prepared; this keeps the list's "not live yet" current until it is switched in. */}
      <RefreshWhile active={building !== null} />
      <JourneyList journeys={journeys} selected={name} />
      {name && (
        <p>
          <Link href="/admin/journeys" className={buttonClass("outline")}>
            New definition
          </Link>
        </p>
      )}
      {name && !selected && (
        <Notice role="alert" tone="error">
          No journey named “{name}”. <Link href="/admin/journeys">Start a new definition</Link>.
        </Notice>
      )}
      {selected?.builtIn && (
        <Card as="div">
          <h2 className="font-semibold">{selected.label}</h2>
          <p className="text-sm text-slate-500">
            Built in: its fold (holds, repricing, blockers) is code. Steps: {selected.steps.map((s) => s.label).join(" → ")}.
          </p>
        </Card>
      )}
      {(!name || (selected && !selected.builtIn)) && (
        <section className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <div className="min-w-0 space-y-2">
            <h2 className="font-semibold">{selected ? `Edit ${selected.name} (v${selected.version})` : "New definition"}</h2>
            {failed && (
              <Notice role="alert" tone="error">
                Version {failed.version} failed to build ({failed.error}, at event {failed.position ?? 0} of {failed.head ?? 0}); pages show{" "}
                {failed.liveVersion ? `version ${failed.liveVersion}, which stays live` : "sessions without it"}. Save a fixed version, or retry once what broke
                it is fixed.
              </Notice>
            )}
            {/* Keyed by the name only: the page refreshes after a save (and while a version is prepared), and a
                remount would drop the admin's text and the save's message; basedOn follows the new head as a prop. */}
            <JourneyEditor
              key={name ?? ""}
              initial={draftText ?? head?.source ?? ""}
              example={selected ? undefined : STARTER_DEFINITION}
              preview={previewJourneyAction}
              save={saveJourneyAction}
              basedOn={selected && head ? { name: selected.name, version: head.version } : undefined}
              retry={failed && head ? { version: head.version, source: head.source } : undefined}
              whatIf={{ initial: whatIf, defaultRange: readRange({}) }}
            />
          </div>
          {selected && <VersionHistory label="Definition history" history={history} />}
        </section>
      )}
      <GenerationsPanel generations={generations} rollback={rollbackStatus()} />
    </div>
  );
}

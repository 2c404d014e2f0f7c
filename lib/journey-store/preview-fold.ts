import type { JourneyCatalog } from "../journeys/catalog";
import { foldEvents, type SessionOutcome } from "../journeys/journey-definition";
import type { JourneyEvent } from "../journeys/journey-event";

/** A stored session and its events in replay order: what a draft is previewed on. */
export interface SampleSession {
  id: string;
  startedAt: Date;
  journey: string;
  lastStep: string;
  outcome: string;
  open: boolean;
  events: readonly JourneyEvent[];
}

/** How one session folds now and how it would fold with the draft. */
export interface PreviewRow {
  id: string;
  startedAt: Date;
  events: number;
  current: { journey: string; lastStep: string; outcome: string };
  draft: { journey: string; stepsReached: number; stepReached: string | null; lastStep: string; outcome: SessionOutcome; outcomeLabel: string };
}

/**
 * The sessions a draft concerns (the ones it would claim, and the ones its name has now), folded
 * with the catalog the draft would make, beside how they are stored now. Pure. Sessions are taken
 * as they are now: new boundaries in the draft would cut some differently once it is applied.
 */
export function previewFold(catalog: JourneyCatalog, draftName: string, sample: readonly SampleSession[], limit: number): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const session of sample) {
    if (rows.length >= limit) break;
    const journey = catalog.journeyOf(session.events);
    if (journey.name !== draftName && session.journey !== draftName) continue;
    const state = foldEvents(journey, session.events);
    const reached = journey.funnelReached(state);
    const last = journey.funnel.find((s) => s.key === reached.at(-1));
    const outcome = journey.outcome(state, session.open);
    rows.push({
      id: session.id,
      startedAt: session.startedAt,
      events: session.events.length,
      current: { journey: session.journey, lastStep: session.lastStep, outcome: session.outcome },
      draft: {
        journey: journey.name,
        stepsReached: reached.length,
        stepReached: last?.label ?? null,
        lastStep: journey.lastStep(state),
        outcome,
        outcomeLabel: journey.outcomeLabel(state, outcome),
      },
    });
  }
  return rows;
}

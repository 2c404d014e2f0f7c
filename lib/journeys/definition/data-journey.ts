import { globListMatches } from "../../glob/glob";
import { genericJourney, shown } from "../generic/generic-journey";
import type { DimensionValue, JourneyDefinition, ResumePoint, SearchTerm, SessionOutcome, StateFacts } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";
import type { JourneyDocument } from "./definition-schema";
import { compileFold, type DataJourneyState } from "./data-fold";
import { compileDimensions, compilePeople } from "./data-people";
import { compileDescribe } from "./templates";

const asText = (value: string | number | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(", ") : String(value);

/**
 * A journey described as data (docs/journeys.md), as the interface every fold, page and report
 * reads. The document is compiled once (globs, paths, templates); `evolve` then costs one test of
 * the next step plus one per fact and drop reason.
 */
export function dataJourney(document: JourneyDocument): JourneyDefinition<DataJourneyState> {
  const { initialState, evolve } = compileFold(document);
  const steps = document.steps;
  const index = (key: string | undefined) => (key === undefined ? -1 : steps.findIndex((s) => s.key === key));
  const completedAt = index(document.outcome.completed);
  const abandonedAt = index(document.outcome.abandonedAfter);
  const factList = document.facts ?? [];
  const describeByTemplate = compileDescribe(document.describe ?? {});
  const people = compilePeople(document.people);
  const boundaries = document.boundaries ?? {};

  const factsByKey = (state: DataJourneyState): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const f of factList) {
      const text = asText(state.facts[f.key]);
      if (text !== null) out[f.key] = text;
    }
    return out;
  };
  const labelledFacts = (state: DataJourneyState): StateFacts => {
    const out: StateFacts = {};
    for (const f of factList) {
      const text = asText(state.facts[f.key]);
      if (text !== null) out[f.label] = shown(text);
    }
    return out;
  };
  const outcome = (state: DataJourneyState, open: boolean): SessionOutcome => {
    if (state.reached > completedAt) return "completed";
    if (open) return "live";
    // Without `abandonedAfter` no session is abandoned: it completed or it browsed.
    return abandonedAt >= 0 && state.reached > abandonedAt ? "abandoned" : "browsed";
  };
  const lastReached = (state: DataJourneyState) => (state.reached > 0 ? steps[state.reached - 1]! : null);

  return {
    name: document.name,
    label: document.label,
    priority: document.priority,
    document,
    claims: (event) => globListMatches(document.claims.types, event.type) && globListMatches(document.claims.sources, event.source),
    initialState,
    evolve,
    // Reads masked events (the server masks before describing), so values are cut for display only.
    describe: (event: JourneyEvent) => describeByTemplate(event) ?? genericJourney.describe(event),
    funnel: steps.map((s) => ({ key: s.key, label: s.label })),
    funnelReached: (state) => steps.slice(0, state.reached).map((s) => s.key),
    outcome,
    outcomeLabel: (_state, o) => document.outcome.labels?.[o] ?? o,
    lastStep: (state) => lastReached(state)?.label ?? "Not started",
    resumePoint: (state): ResumePoint | null => {
      const step = lastReached(state);
      if (!step || state.reached > completedAt) return null;
      return {
        step: step.key,
        label: step.label,
        chosen: labelledFacts(state),
        facts: factsByKey(state),
        remaining: steps.slice(state.reached, completedAt + 1).map((s) => s.label),
        blockers: [],
      };
    },
    ...(document.resume ? { resumeUrl: document.resume.url } : {}),
    facts: (state) => ({ step: lastReached(state)?.label ?? "Not started", ...labelledFacts(state) }),
    dimensions: (document.dimensions ?? []).map((d) => ({ key: d.key, label: d.label })),
    dimensionValues: compileDimensions(document.dimensions ?? []) as (
      state: DataJourneyState,
      events: readonly JourneyEvent[],
    ) => Record<string, DimensionValue[]>,
    dropReasons: (document.dropReasons ?? []).map((d) => ({ key: d.key, label: d.label })),
    dropReason: (state, o, endReason) => (o === "completed" || o === "live" ? null : (state.drop ?? (endReason === "open" ? "timed_out" : endReason))),
    searchTerms: (event): SearchTerm[] => people.searchTerms(event),
    personName: (event) => people.name(event),
    personalPaths: [...(document.people?.name ?? []), ...(document.people?.searchTerms ?? [])],
    boundary: (type) =>
      globListMatches(boundaries.signIn ?? [], type)
        ? "sign_in"
        : globListMatches(boundaries.signOut ?? [], type)
          ? "sign_out"
          : globListMatches(boundaries.expired ?? [], type)
            ? "expired"
            : null,
  };
}

export type { DataJourneyState } from "./data-fold";
export { fillResumeUrl, type ResumeUrlValues } from "./templates";

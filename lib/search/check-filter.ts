import { ApiError } from "../http/errors";
import { dropReasonsOf } from "../journeys/drop-reasons";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { PERSONAL_OPS, type SessionSearchFilter } from "./filter";

/** What a filter is checked against: the journey it names, and who is asking. */
export interface FilterContext {
  /** the filter's journey (null when it names none); a name with no journey is refused before this */
  journey: Pick<JourneyDefinition<unknown>, "name" | "funnel" | "dropReasons" | "dimensions"> | null;
  /** the personal-data policy's answer for a path read from events of these types (Masker.personalPath) */
  personalPath: (path: string, types?: readonly string[]) => boolean;
  /** may this caller find customers (users.find)? Only they may ask about a personal path */
  mayFindUsers: boolean;
}

/** A filter checked against its journey and the policy, with the funnel indexes its steps are stored under. */
export interface CheckedFilter extends SessionSearchFilter {
  readonly checked: true;
  reachedIndexes: number[];
  notReachedIndexes: number[];
  /** the paths of its conditions the policy marks personal (a search by personal data is on record) */
  personalPaths: string[];
}

const bad = (parameter: string, message: string) => new ApiError("invalid_request", `query parameter "${parameter}": ${message}`, { parameter });

/**
 * Refuses (400, naming the parameter; 403 for a personal path the caller may not ask about) what
 * cannot be answered: a step or drop reason the journey does not have, a range or `ne`/`in`/`gt`/`lt`
 * on a personal path (a masked value could be rebuilt by probing), so a refused search reads nothing.
 */
export function checkFilter(filter: SessionSearchFilter, context: FilterContext): CheckedFilter {
  const { journey } = context;
  const stepIndex = (parameter: string) => (key: string) => {
    const i = journey?.funnel.findIndex((s) => s.key === key) ?? -1;
    if (i < 0) throw bad(parameter, `"${key}" is not a step of ${journey?.name ?? "the journey"} (${journey?.funnel.map((s) => s.key).join(", ")})`);
    return i;
  };
  const reachedIndexes = filter.reached.map(stepIndex("reached"));
  const notReachedIndexes = filter.notReached.map(stepIndex("notReached"));
  if (filter.dropReason !== undefined && journey && !dropReasonsOf(journey).some((r) => r.key === filter.dropReason)) {
    throw bad(
      "dropReason",
      `"${filter.dropReason}" is not a drop reason of ${journey.name} (${dropReasonsOf(journey)
        .map((r) => r.key)
        .join(", ")})`,
    );
  }
  for (const d of filter.dimensions) {
    if (!journey) throw bad("journey", "required with a dimension (dimensions are a journey's)");
    if (!journey.dimensions.some((x) => x.key === d.key)) throw bad("dimension", `"${d.key}" is not a dimension of ${journey.name}`);
  }
  const types = filter.hasType === undefined ? undefined : [filter.hasType];
  const personalPaths: string[] = [];
  for (const condition of filter.where) {
    // The policy names array elements with `[*]` (travellers[*].name): an index in the path stands for any element.
    const policyPath = ["data", ...condition.steps.filter((step) => typeof step === "string")].join(".");
    if (!context.personalPath(policyPath, types)) continue;
    if (!PERSONAL_OPS.includes(condition.op)) {
      throw bad("where", `${condition.path} holds personal data: only eq and exists may ask about it (not ${condition.op})`);
    }
    if (!context.mayFindUsers) {
      throw new ApiError("forbidden", `${condition.path} holds personal data: asking about it needs users.find`, { parameter: "where", path: condition.path });
    }
    personalPaths.push(condition.path);
  }
  return { ...filter, checked: true, reachedIndexes, notReachedIndexes, personalPaths };
}

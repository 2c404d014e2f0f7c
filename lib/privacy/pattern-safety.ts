import { check } from "recheck";
import { isBuiltInSource } from "./detectors";

/**
 * Whether an admin's pattern is safe to run over every string the server sends: JavaScript
 * cannot stop a regex midway, so one that backtracks catastrophically freezes every read.
 *
 * Checker: recheck (4.5.0), twice. Its automaton checker proves a pattern free of super-linear
 * backtracking (it refuses `(a+)+$`, exponential, and the old email regex or `\s*#\s*`, both
 * quadratic); but it counts a bounded repetition as constant work, and `(?:\d{1,50}){1,50}x` is
 * "safe" to it while 25 digits took 1.8 s here. Its fuzz checker runs the pattern on a step
 * counter and finds that one (and `(?:\d{1,5}){1,5}x`) too. A pattern passes only if both say
 * safe; anything they cannot analyse (look-behind, back-references) or cannot finish in time is
 * refused as well: it fails closed. Measured with the native backend (recheck-linux-x64): about
 * 5 ms to 1.9 s a pattern, so it runs at save, not per read.
 * Why not the others: safe-regex2 looks at star height only (it misses the quadratic email
 * regex and refuses the seed's phone and card patterns, which are linear); re2 needs a native
 * build, and a linear engine would silently change what a JavaScript pattern means.
 */
export type PatternVerdict = { safe: true } | { safe: false; reason: string };

const TIMEOUT_MS = 10_000;
const known = new Map<string, Promise<PatternVerdict>>();

/** Both of recheck's checkers on one source, every time (checkPattern keeps the verdicts). */
export async function analysePattern(source: string): Promise<PatternVerdict> {
  for (const checker of ["automaton", "fuzz"] as const) {
    const result = await check(source, "gu", { checker, timeout: TIMEOUT_MS, randomSeed: 0 });
    if (result.status === "vulnerable") {
      const degree = "degree" in result.complexity ? `, degree ${result.complexity.degree}` : "";
      return {
        safe: false,
        reason: `can backtrack catastrophically (${result.complexity.type}${degree}) on input like ${JSON.stringify(result.attack.pattern).slice(0, 60)}`,
      };
    }
    if (result.status === "unknown") {
      const why = result.error.kind === "timeout" ? "the check did not finish in time" : "message" in result.error ? result.error.message : result.error.kind;
      return { safe: false, reason: `cannot be shown to run in linear time (${why})` };
    }
  }
  return { safe: true };
}

/** The verdict on a pattern, once per source per process (a failure to run the checker is not kept). */
export function checkPattern(source: string): Promise<PatternVerdict> {
  if (isBuiltInSource(source)) return Promise.resolve({ safe: true });
  let verdict = known.get(source);
  if (!verdict) {
    verdict = analysePattern(source).catch((error: unknown) => {
      known.delete(source);
      return { safe: false as const, reason: `could not be checked (${error instanceof Error ? error.message : "error"})` };
    });
    known.set(source, verdict);
  }
  return verdict;
}

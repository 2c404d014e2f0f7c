import { BUILT_IN_FOLDS } from "../../journeys/built-in-folds";
import { dataDefinitions, versionOfJourney } from "./built-in-versions";

/** What folded a generation, in words: its stored definitions' versions, then the built-in folds ("shop v3, booking fold v1"). */
export function foldedWithWords(definitions: Record<string, number>): string {
  const stored = Object.entries(dataDefinitions(definitions))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, version]) => `${name} v${version}`);
  const builtIn = BUILT_IN_FOLDS.map((f) => `${f.label} fold v${versionOfJourney({ definitions }, f.journey)}`);
  return [...stored, ...builtIn].join(", ");
}

const UNITS = ["bytes", "KB", "MB", "GB", "TB"] as const;

/** Disk in words, in powers of 1,024: "3.4 MB"; "unknown" when the store cannot tell. */
export function diskWords(bytes: number | null): string {
  if (bytes === null) return "unknown";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes.toLocaleString("en-US")} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

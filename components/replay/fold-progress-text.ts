import { formatElapsed } from "./format-time";

/**
 * The loading line's words: what the replay's index already knows ("14 events over 7:00, priced a
 * booking at the end"), then how far the states are read. Never "0 of 14": with nothing read yet it
 * says it is reading. Pure, beside the formatter it shares with the player.
 */
export function foldProgressText(times: readonly number[], loaded: number, lastStep: string): string {
  const count = times.length;
  const span = formatElapsed((times.at(-1) ?? 0) - (times[0] ?? 0));
  const known = `${count.toLocaleString("en-GB")} event${count === 1 ? "" : "s"} over ${span}, ${lastStep.toLowerCase()} at the end`;
  return loaded > 0 ? `${known} · states read for ${loaded.toLocaleString("en-GB")} of them` : `${known} · reading the state at each moment…`;
}

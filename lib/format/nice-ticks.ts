/**
 * Ticks for a count axis from 0: steps of 1, 2 or 5 times a power of ten, so the axis reads
 * 0, 500, 1,000, 1,500, 2,000 rather than the 0, 475, 950, 1425, 1900 a chart library picks to fill
 * its space. About `about` steps (fewer when the counts are small); the last tick is at or above `max`.
 */
export function niceTicks(max: number, about = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / about;
  const power = 10 ** Math.floor(Math.log10(rough));
  // Counts are whole: a step below 1 would put ticks between them.
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}

"use client";

import { BarsPerValue } from "./bars-per-value";

/** A dimension's most common values: sessions with each, and how many of those completed, in the journey's words. */
export function DimensionChart({
  dimension,
  completedWord,
  rows,
}: {
  dimension: string;
  completedWord: string;
  rows: { value: string; label: string; sessions: number; completed: number }[];
}) {
  return (
    <BarsPerValue
      label={`Sessions and ${completedWord.toLowerCase()} per ${dimension.toLowerCase()}`}
      rows={rows}
      series={[
        { key: "sessions", name: "Sessions", fill: "#0ea5e9" },
        { key: "completed", name: completedWord, fill: "#10b981" },
      ]}
    />
  );
}

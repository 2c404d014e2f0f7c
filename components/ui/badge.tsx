import type { HTMLAttributes } from "react";
import { cx } from "./class-names";

const TONES = {
  emerald: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
  rose: "bg-rose-100 text-rose-800 dark:bg-rose-900/50 dark:text-rose-200",
  slate: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  sky: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200",
  amber: "bg-amber-200 text-amber-900 dark:bg-amber-800/60 dark:text-amber-100",
  red: "bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300",
  "amber-soft": "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
} as const;

const SHAPES = {
  /** an outcome or a state of a thing, e.g. "booked", "open booking" */
  pill: "rounded-full px-2 py-0.5 text-xs font-medium",
  /** a remark beside a row, e.g. "disabled", "temporary password" */
  tag: "rounded px-2 py-0.5 text-xs",
} as const;

export type BadgeTone = keyof typeof TONES;

/** A tone's light colours only, for a sheet that stays white in dark mode (the printable summary). */
const lightOnly = (tone: BadgeTone) =>
  TONES[tone]
    .split(" ")
    .filter((c) => !c.startsWith("dark:"))
    .join(" ");

/** A short coloured label; `light`: in its light colours whatever the colour scheme. */
export function Badge({
  tone,
  shape = "pill",
  light = false,
  className,
  ...props
}: HTMLAttributes<HTMLSpanElement> & { tone: BadgeTone; shape?: keyof typeof SHAPES; light?: boolean }) {
  return <span className={cx(SHAPES[shape], light ? lightOnly(tone) : TONES[tone], className)} {...props} />;
}

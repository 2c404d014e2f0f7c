import type { HTMLAttributes } from "react";
import { cx } from "./class-names";

const TONES = {
  error: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  warning: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  success: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  /** a check's verdict: the record holds */
  intact: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  /** a check's verdict: the record does not */
  broken: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
} as const;

/** A line the page says about itself: a refusal, a warning, an outcome. The caller gives the role (alert or status). */
export function Notice({ tone, as: Tag = "p", className, ...props }: HTMLAttributes<HTMLElement> & { tone: keyof typeof TONES; as?: "p" | "div" }) {
  return <Tag className={cx("rounded px-3 py-2 text-sm", TONES[tone], className)} {...props} />;
}

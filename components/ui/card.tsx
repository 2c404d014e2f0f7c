import type { HTMLAttributes, Ref } from "react";
import { cx } from "./class-names";

const TONES = {
  plain: "rounded-lg border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900",
  /** for what needs the reader's attention first: where a journey stopped, an open booking */
  highlight: "rounded-lg border-amber-200 bg-amber-50/60 dark:border-amber-900 dark:bg-amber-950/30",
  /** the pages outside the dashboard (sign-in, a customer's resume link): softer, raised */
  raised: "rounded-2xl border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900",
  /** the sign-in box: raised, a little less round */
  "raised-compact": "rounded-xl border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900",
} as const;

type CardProps = HTMLAttributes<HTMLElement> & {
  /** for a card that scrolls (a virtual list measures it) */
  ref?: Ref<HTMLDivElement>;
  as?: "section" | "div" | "dl" | "ul" | "ol";
  tone?: keyof typeof TONES;
  /** no padding: the card's rows or table bring their own */
  flush?: boolean;
};

/** The dashboard's box: one border, background and padding for every panel. */
export function Card({ as = "section", tone = "plain", flush = false, className, ...props }: CardProps) {
  // Every element offered takes the same attributes; typed as the div that the scrolling cards are.
  const Tag = as as "div";
  return <Tag className={cx("border", TONES[tone], !flush && "p-4", className)} {...props} />;
}

import type { HTMLAttributes } from "react";
import { cx } from "./class-names";

const TONES = {
  plain: "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900",
  /** for what needs the reader's attention first: where a journey stopped, an open booking */
  highlight: "border-amber-200 bg-amber-50/60 dark:border-amber-900 dark:bg-amber-950/30",
} as const;

type CardProps = HTMLAttributes<HTMLElement> & {
  as?: "section" | "div" | "dl" | "ul" | "ol";
  tone?: keyof typeof TONES;
  /** no padding: the card's rows or table bring their own */
  flush?: boolean;
};

/** The dashboard's box: one border, background and padding for every panel. */
export function Card({ as: Tag = "section", tone = "plain", flush = false, className, ...props }: CardProps) {
  return <Tag className={cx("rounded-lg border", TONES[tone], !flush && "p-4", className)} {...props} />;
}

import Link from "next/link";
import type { ComponentProps } from "react";
import { cx } from "./class-names";

const VARIANTS = {
  /** the one main action of a form that answers at once (apply a filter) */
  primary: "rounded bg-slate-900 px-3 py-1.5 font-medium text-white dark:bg-amber-500 dark:text-slate-950",
  /** the main action of a form that makes the page wait: it dims while it works (dark: lighter amber on hover, not slate under dark text) */
  action: [
    "rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60",
    "dark:bg-amber-500 dark:text-slate-950 dark:hover:bg-amber-400",
  ].join(" "),
  /** a secondary action beside a page's title: the next session, an export */
  secondary: "rounded border border-slate-300 px-2.5 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800",
  /** a small secondary action or link in a form: an export, a preset */
  outline: "rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
  /** an action in a table row that cannot be taken back (revoke, discard) */
  danger: "text-xs text-red-700 underline dark:text-red-400",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** The classes of a button, for an element that must stay itself (a download link, a confirm button). */
export function buttonClass(variant: ButtonVariant, className?: string): string {
  return cx(VARIANTS[variant], className);
}

export function Button({ variant = "primary", type = "button", className, ...props }: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}

/** A link that looks like a button, for an action that is a page (a preset range). */
export function LinkButton({ variant = "outline", className, ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}

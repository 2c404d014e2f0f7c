import type { ComponentProps, ReactNode } from "react";
import { Card } from "./card";
import { cx } from "./class-names";

/**
 * The dashboard's plain tables: one look for every list of rows. Columns are [label, extra
 * classes]; rows are the caller's own <tr>s. `stacked`: below the `sm` width each row is a block of
 * "label value" lines (its cells name themselves, see Cell's `label`), for a table whose columns
 * all matter and would not fit a phone even scrolled.
 */
export function DataTable({
  label,
  columns,
  children,
  className = "",
  stacked = false,
}: {
  label: string;
  columns: (string | [string, string])[];
  children: ReactNode;
  className?: string;
  stacked?: boolean;
}) {
  return (
    // Wide tables scroll inside their own box on a phone instead of pushing the page sideways.
    <Card as="div" flush className={cx("overflow-x-auto", className)}>
      <table aria-label={label} className={cx("w-full border-collapse text-sm", stacked ? "block sm:table" : "min-w-max sm:min-w-0")}>
        <thead
          className={cx("bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-800", stacked && "hidden sm:table-header-group")}
        >
          <tr>
            {columns.map((column) => {
              const [text, extra] = typeof column === "string" ? [column, ""] : column;
              return (
                <th key={text} className={`px-3 py-2 ${extra}`}>
                  {text}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className={stacked ? "block sm:table-row-group" : undefined}>{children}</tbody>
      </table>
    </Card>
  );
}

/** A row of a DataTable; `hover` for rows that lead somewhere, `stacked` in a stacked table. */
export function Row({ hover = false, stacked = false, className, ...props }: ComponentProps<"tr"> & { hover?: boolean; stacked?: boolean }) {
  return (
    <tr
      className={cx(
        "border-t border-slate-100 dark:border-slate-800",
        hover && "hover:bg-amber-50 dark:hover:bg-slate-800",
        stacked && "block py-2 sm:table-row sm:py-0",
        className,
      )}
      {...props}
    />
  );
}

/** In a stacked table on a phone: a line of its own with the column's name before the value. */
const STACKED_CELL = cx(
  "flex flex-wrap items-baseline justify-between gap-x-3 sm:table-cell",
  "before:text-xs before:text-slate-500 before:content-[attr(data-label)] sm:before:content-none",
);

/**
 * A cell of a DataTable: `numeric` right-aligns with even digits, `dense` for a table inside a panel;
 * `label` (the column's name) in a stacked table, shown before the value on a phone.
 */
export function Cell({
  numeric = false,
  dense = false,
  label,
  className,
  ...props
}: ComponentProps<"td"> & { numeric?: boolean; dense?: boolean; label?: string }) {
  return (
    <td
      data-label={label}
      className={cx(
        "px-3",
        label !== undefined ? "py-0.5 sm:py-2" : dense ? "py-1.5" : "py-2",
        numeric && "text-right tabular-nums",
        label !== undefined && STACKED_CELL,
        className,
      )}
      {...props}
    />
  );
}

import type { ComponentProps, ReactNode } from "react";
import { Card } from "./card";
import { cx } from "./class-names";

/**
 * The dashboard's plain tables: one look for every list of rows. Columns are [label, extra
 * classes]; rows are the caller's own <tr>s.
 */
export function DataTable({
  label,
  columns,
  children,
  className = "",
}: {
  label: string;
  columns: (string | [string, string])[];
  children: ReactNode;
  className?: string;
}) {
  return (
    // Wide tables scroll inside their own box on a phone instead of pushing the page sideways.
    <Card as="div" flush className={cx("overflow-x-auto", className)}>
      <table aria-label={label} className="w-full min-w-max border-collapse text-sm sm:min-w-0">
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-800">
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
        <tbody>{children}</tbody>
      </table>
    </Card>
  );
}

/** A row of a DataTable; `hover` for rows that lead somewhere. */
export function Row({ hover = false, className, ...props }: ComponentProps<"tr"> & { hover?: boolean }) {
  return <tr className={cx("border-t border-slate-100 dark:border-slate-800", hover && "hover:bg-amber-50 dark:hover:bg-slate-800", className)} {...props} />;
}

/** A cell of a DataTable: `numeric` right-aligns with even digits, `dense` for a table inside a panel. */
export function Cell({ numeric = false, dense = false, className, ...props }: ComponentProps<"td"> & { numeric?: boolean; dense?: boolean }) {
  return <td className={cx("px-3", dense ? "py-1.5" : "py-2", numeric && "text-right tabular-nums", className)} {...props} />;
}

import type { ReactNode } from "react";

/**
 * The dashboard's plain tables: one look for every list of rows. Columns are [label, extra
 * classes]; rows are the caller's own <tr>s.
 */
export function DataTable({ label, columns, children, className = "" }: { label: string; columns: (string | [string, string])[]; children: ReactNode; className?: string }) {
  return (
    // Wide tables scroll inside their own box on a phone instead of pushing the page sideways.
    <div className={`overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900 ${className}`}>
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
    </div>
  );
}

import type { ReactNode } from "react";
import { cx } from "./class-names";

/** What a list or a panel says when it has nothing to show. */
export function EmptyState({ children, className }: { children: ReactNode; className?: string }) {
  return <p className={cx("text-sm text-slate-500", className)}>{children}</p>;
}

/** The same, as the one row of an empty table. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-3 py-4 text-center text-slate-500">
        {children}
      </td>
    </tr>
  );
}

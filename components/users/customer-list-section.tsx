import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * A titled list of customers on the agent's start page (the work queue, the customers looked at
 * recently): one frame, so both lists look and read alike; the rows are the caller's <li>s.
 */
export function CustomerListSection({
  id,
  title,
  label,
  empty,
  children,
  footer,
}: {
  id: string;
  title: string;
  /** the list's accessible name */
  label: string;
  /** what an empty list says, or null when it has rows */
  empty: string | null;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {empty !== null ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <Card as="ul" aria-label={label} flush className="divide-y divide-slate-100 dark:divide-slate-800">
          {children}
        </Card>
      )}
      {footer}
    </section>
  );
}

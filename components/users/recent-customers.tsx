import Link from "next/link";
import { formatWallClock } from "@/components/replay/format-time";
import { CustomerListSection } from "./customer-list-section";
import type { recentCustomersOf } from "@/lib/data/work-queue";
import { customerHref } from "@/lib/users/customer-href";

type RecentCustomer = Awaited<ReturnType<typeof recentCustomersOf>>[number];

/** The customers this agent opened lately (from their own access records), to get back to one. */
export function RecentCustomers({ customers }: { customers: RecentCustomer[] }) {
  return (
    <CustomerListSection
      id="recent-customers"
      title="Customers you looked at recently"
      label="Recent customers"
      empty={customers.length === 0 ? "None yet: the customers you open appear here." : null}
    >
      {customers.map((c) => (
        <li key={c.reference}>
          <Link
            href={customerHref(c.userId, c.reference)}
            className="flex flex-wrap items-baseline gap-x-3 px-4 py-2 text-sm hover:bg-amber-50 dark:hover:bg-slate-800"
          >
            <span className="font-medium">{c.displayName ?? c.userId}</span>
            <span className="text-xs text-slate-500">{c.displayName ? c.userId : c.reference}</span>
            <span className="text-xs text-slate-500">
              {c.sessionCount} session{c.sessionCount === 1 ? "" : "s"}
              {c.lastSeen ? ` · last seen ${formatWallClock(Date.parse(c.lastSeen))}` : ""}
            </span>
            <span className="ml-auto text-xs text-slate-500">opened {formatWallClock(Date.parse(c.lookedAt))}</span>
          </Link>
        </li>
      ))}
    </CustomerListSection>
  );
}

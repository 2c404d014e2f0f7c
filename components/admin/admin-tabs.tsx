import { Tabs } from "../ui/tabs";

const TABS = [
  { href: "/admin/users", label: "Dashboard users" },
  { href: "/admin/keys", label: "API keys" },
  { href: "/admin/policy", label: "Personal-data policy" },
  { href: "/admin/journeys", label: "Journeys" },
  { href: "/admin/retention", label: "Retention" },
  { href: "/admin/dead-letters", label: "Set-aside events" },
  { href: "/admin/alerts", label: "Alerts" },
  { href: "/admin/subject-access", label: "Subject access" },
  { href: "/admin/erasure", label: "Erasure" },
];

/** The admin section's heading and its tabs. */
export function AdminTabs({ current }: { current: string }) {
  return (
    <>
      <h1 className="text-xl font-semibold">Admin</h1>
      <Tabs label="Admin" tabs={TABS.map((t) => ({ ...t, current: t.href === current }))} />
    </>
  );
}

import type { Metadata } from "next";
import { AlertDeliveries } from "@/components/admin/alert-deliveries";
import { AlertRuleForm } from "@/components/admin/alert-rule-form";
import { AlertRulesTable } from "@/components/admin/alert-rules-table";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { Card } from "@/components/ui/card";
import { alertRuleChoices, listDeliveries, listRules } from "@/lib/data/alerts";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

export default async function AdminAlertsPage() {
  await requireViewer("alerts.manage");
  const [rules, journeys, deliveries] = await Promise.all([listRules(), alertRuleChoices(), listDeliveries()]);
  const stepLabel = (journey: string, step: string) => journeys.find((j) => j.name === journey)?.steps.find((s) => s.key === step)?.label ?? step;
  return (
    <div className="space-y-5">
      <AdminTabs current="/admin/alerts" />
      <section className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-2">
          <p className="text-sm text-slate-500">
            A rule fires once per session of a known customer that stopped at its step and has had no further event in the journey for its minutes, by the
            store&apos;s recorded time. A fired alert lands in the agents&apos; work queue and, with a webhook, is POSTed to it signed with the rule&apos;s
            secret (<code>Rewind-Signature</code>), retried for 24 hours until it answers 2xx.
          </p>
          <AlertRulesTable rules={rules} stepLabel={stepLabel} />
        </div>
        <Card as="div" className="self-start">
          <h2 className="mb-3 font-semibold">Create a rule</h2>
          <AlertRuleForm journeys={journeys} />
        </Card>
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">Deliveries</h2>
        <AlertDeliveries deliveries={deliveries} />
      </section>
    </div>
  );
}

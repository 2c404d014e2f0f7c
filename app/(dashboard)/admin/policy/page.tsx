import type { Metadata } from "next";
import { PolicyEditor } from "@/components/admin/policy-editor";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { VersionHistory } from "@/components/admin/version-history";
import { PolicyPreview } from "@/components/admin/policy-preview";
import { getPolicyAndHistory } from "@/lib/data/admin";
import { previewPolicy } from "@/lib/data/policy-preview";
import { requireViewer } from "@/lib/data/viewer";
import { previewPolicyDraftAction, savePolicyAction } from "@/lib/actions/admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Personal-data policy" };

export default async function AdminPolicyPage() {
  await requireViewer("admin.manage");
  const [{ current, history }, preview] = await Promise.all([getPolicyAndHistory(), previewPolicy()]);
  return (
    <div className="space-y-5">
      <AdminTabs current="/admin/policy" />
      <section className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="space-y-2">
          <p className="text-sm text-slate-500">
            Version {current.version}. <code>fields</code> names, per event type, the paths inside <code>data</code> that are personal data (
            <code>travellers[*].name</code> for every traveller, <code>*</code> for every member: <code>"identify": ["*"]</code> is every Segment trait);{" "}
            <code>patterns</code> catch personal data anywhere, in every event, description and log line. Everything leaving the server is masked by it, for
            every role; a reveal with a reason is the only way to see a value.
          </p>
          <PolicyEditor initial={JSON.stringify(current.policy, null, 2)} save={savePolicyAction} preview={previewPolicyDraftAction} />
          <PolicyPreview
            title={`What version ${current.version} masks, on the newest events`}
            note="One event of each type among the newest in the store; a saved change shows here at once."
            rows={preview}
          />
        </div>
        {/* Each version with its document: the history shows the readable line diff from the one before. */}
        <VersionHistory label="Policy history" history={history.map((v) => ({ ...v, document: v.policy }))} />
      </section>
    </div>
  );
}

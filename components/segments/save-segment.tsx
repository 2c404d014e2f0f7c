import { ActionForm } from "@/components/admin/action-form";
import { saveSegmentAction } from "@/lib/actions/segments";

const input = "w-48 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** "Save as segment": the list's filters as they are in the address, under a name the team sees. */
export function SaveSegment({ query }: { query: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-amber-700 hover:underline dark:text-amber-400">Save as segment</summary>
      <ActionForm action={saveSegmentAction} label="Save segment" className="mt-2 flex flex-wrap items-center gap-2">
        <input type="hidden" name="query" value={query} />
        <label className="flex items-center gap-2">
          Name <input name="name" required maxLength={80} placeholder="Card declined, June" className={input} />
        </label>
      </ActionForm>
    </details>
  );
}

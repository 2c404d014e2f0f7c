import { RefreshWhileShown } from "@/components/refresh-while-shown";
import { Notice } from "@/components/ui/notice";
import { readModelNoticeLines } from "@/lib/data/read-models";

/**
 * Said once, above every dashboard page: when the sessions and analytics shown are behind the
 * store, and when a new version of them is being prepared (with its progress).
 */
export async function ReadModelNotices() {
  const lines = await readModelNoticeLines();
  if (lines.length === 0) return null;
  return (
    <section className="mb-4 space-y-2" aria-label="Read models">
      {lines.map((line) => (
        <Notice key={line} role="status" tone="warning">
          {line}
        </Notice>
      ))}
      <RefreshWhileShown />
    </section>
  );
}

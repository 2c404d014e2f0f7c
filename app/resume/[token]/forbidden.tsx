import { Card } from "@/components/ui/card";

export default function ResumeLinkEnded() {
  return (
    <Card tone="raised" flush className="space-y-3 p-6 text-center">
      <h1 className="text-xl font-semibold">This link can no longer be used</h1>
      <p className="text-slate-600 dark:text-slate-300">
        It has expired or has been withdrawn. Ask us for a new link and we&apos;ll take you back to where you left off.
      </p>
    </Card>
  );
}

import { Card } from "@/components/ui/card";

export default function ResumeLinkNotValid() {
  return (
    <Card tone="raised" flush className="space-y-3 p-6 text-center">
      <h1 className="text-xl font-semibold">This link isn&apos;t valid</h1>
      <p className="text-slate-600 dark:text-slate-300">
        It may have been copied incompletely or changed. Please use the link exactly as you received it, or ask us for a new one.
      </p>
    </Card>
  );
}

export default function ResumeLinkEnded() {
  return (
    <section className="space-y-3 rounded-2xl border border-slate-200 bg-white p-6 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">This link can no longer be used</h1>
      <p className="text-slate-600 dark:text-slate-300">
        It has expired or has been withdrawn. Ask us for a new link and we&apos;ll take you back to where you left off.
      </p>
    </section>
  );
}

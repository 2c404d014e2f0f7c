export default function ResumeLinkNotValid() {
  return (
    <section className="space-y-3 rounded-2xl border border-slate-200 bg-white p-6 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">This link isn&apos;t valid</h1>
      <p className="text-slate-600 dark:text-slate-300">
        It may have been copied incompletely or changed. Please use the link exactly as you received it, or ask us for a new one.
      </p>
    </section>
  );
}

"use client";

/** Prints the summary (the browser's dialog); the sheet's own colours, so it reads on white in dark mode too. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
      Print
    </button>
  );
}

"use client";

import { useState } from "react";

/**
 * The policy's JSON, kept by the browser: React empties an uncontrolled form after its action runs,
 * so a refused save (a pattern that can backtrack, a typo in the JSON) put the saved version back
 * and the admin typed their change again.
 */
export function PolicyEditor({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <textarea
      name="policy"
      aria-label="Policy (JSON)"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      spellCheck={false}
      rows={24}
      className="w-full rounded border border-slate-300 bg-white p-3 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
    />
  );
}

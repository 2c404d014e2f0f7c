"use client";

import { cx } from "../ui/class-names";

const BOX = "flex max-h-[36rem] overflow-auto rounded border border-slate-300 bg-white font-mono text-xs leading-5 dark:border-slate-700 dark:bg-slate-950";

/**
 * A JSON textarea with line numbers; lines that have an error are marked in the gutter and carry
 * the messages as a tooltip. The textarea grows with its text (no inner scroll), so the gutter and
 * the text scroll together in one box.
 */
export function JsonEditor({
  name,
  label,
  value,
  onChange,
  errorLines,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** line number → the messages on it */
  errorLines: ReadonlyMap<number, string[]>;
}) {
  const count = value.split("\n").length;
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  return (
    <div className={BOX}>
      <div
        aria-hidden="true"
        className="sticky left-0 select-none border-r border-slate-200 bg-slate-50 py-2 text-right text-slate-400 dark:border-slate-800 dark:bg-slate-900"
      >
        {numbers.map((n) => {
          const messages = errorLines.get(n);
          return (
            <div
              key={n}
              title={messages?.join("\n")}
              className={cx("px-2", messages && "bg-red-100 font-semibold text-red-700 dark:bg-red-950 dark:text-red-300")}
              data-error-line={messages ? n : undefined}
            >
              {n}
            </div>
          );
        })}
      </div>
      <textarea
        name={name}
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        wrap="off"
        rows={count + 1}
        className="min-w-0 flex-1 resize-none overflow-hidden bg-transparent px-3 py-2 outline-none"
      />
    </div>
  );
}

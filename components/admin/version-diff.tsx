import type { DiffPiece } from "@/lib/journey-store/version-diff";

const LINE = {
  added: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200",
  removed: "bg-rose-50 text-rose-900 dark:bg-rose-950/50 dark:text-rose-200",
  same: "text-slate-600 dark:text-slate-400",
} as const;
const MARK = { added: "+", removed: "−", same: " " } as const;

/**
 * A line diff between two versions of a JSON document (lib/journey-store/version-diff.ts): removed
 * lines red with −, added ones green with +, numbered in the version before and in this one
 * (GitHub's two gutters), unchanged stretches counted.
 * The marks are text as well as colour, so the diff reads without colour too.
 */
export function VersionDiff({ pieces, label }: { pieces: readonly DiffPiece[]; label: string }) {
  const changes = pieces.filter((p) => p.kind === "added" || p.kind === "removed").length;
  if (changes === 0) return <p className="text-xs text-slate-500">The document is the same as the version before.</p>;
  return (
    <div role="region" aria-label={label} className="overflow-x-auto rounded border border-slate-200 dark:border-slate-700">
      <table className="w-full border-collapse font-mono text-[11px] leading-4">
        <tbody>
          {pieces.map((piece, i) =>
            piece.kind === "skipped" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff never reorder
              <tr key={i} className="bg-slate-50 text-slate-500 dark:bg-slate-800/60 dark:text-slate-400">
                <td colSpan={4} className="px-2 py-0.5 font-sans italic">
                  {piece.lines === 1 ? "1 unchanged line" : `${piece.lines} unchanged lines`}
                </td>
              </tr>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff never reorder
              <tr key={i} data-diff={piece.kind} className={LINE[piece.kind]}>
                <td className="select-none pl-1 text-right text-slate-400">{piece.before ?? ""}</td>
                <td className="select-none px-1 text-right text-slate-400">{piece.after ?? ""}</td>
                <td aria-hidden className="select-none px-1">
                  {MARK[piece.kind]}
                </td>
                <td className="whitespace-pre pr-2">
                  {piece.kind !== "same" && <span className="sr-only">{piece.kind === "added" ? "added: " : "removed: "}</span>}
                  {piece.text}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

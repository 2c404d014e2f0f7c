import type { PublicNote } from "@/lib/notes/note-json";

/** The session's notes on the printable summary: at which event, who wrote them and when, their words (masked as everywhere). */
export function PrintedNotes({ notes, times }: { notes: readonly PublicNote[]; times: readonly string[] }) {
  return (
    <section aria-label="Notes" className="space-y-1">
      <h2 className="text-base font-semibold">Notes</h2>
      {notes.length === 0 ? (
        <p className="text-xs text-slate-600">No notes on this session.</p>
      ) : (
        <table className="w-full border-collapse text-xs">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th className="py-1 pr-2">Event</th>
              <th className="py-1 pr-2">Written by</th>
              <th className="py-1">Note</th>
            </tr>
          </thead>
          <tbody>
            {notes.map((n) => (
              <tr key={n.id} className="border-b border-slate-100 align-top">
                <td className="whitespace-nowrap py-1 pr-2 font-mono">
                  {n.seq + 1} · {times[n.seq] ?? ""}
                </td>
                <td className="py-1 pr-2">
                  {n.author}, {n.createdAt.replace("T", " ").slice(0, 16)}
                  {n.edited ? " (edited)" : ""}
                </td>
                <td className="whitespace-pre-wrap break-words py-1">{n.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { buttonClass } from "../ui/button";

/** A session's exports: its events as stored (JSON), its timeline (CSV) and the printable summary, in a tab of its own. */
export function ExportButtons({ sessionId }: { sessionId: string }) {
  return [
    ["export/json", "Export JSON"],
    ["export/csv", "Export CSV"],
    ["print", "Printable summary"],
  ].map(([path, label]) => (
    <a
      key={path}
      className={buttonClass("secondary")}
      href={`/sessions/${encodeURIComponent(sessionId)}/${path}`}
      {...(path === "print" ? { target: "_blank", rel: "noreferrer" } : {})}
    >
      {label}
    </a>
  ));
}

import { formatWallClock } from "@/components/replay/format-time";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { revokeResumeLinkAction } from "@/lib/actions/users";
import type { linksWithStatusOf } from "@/lib/data/resume-link-status";
import { opensInWords } from "@/lib/users/resume-link-status";

type LinkRow = Awaited<ReturnType<typeof linksWithStatusOf>>[number];
const when = (ms: number) => formatWallClock(ms);

/** The customer's resume links: whether each still works and whether they opened it (how often, when last). */
export function ResumeLinksTable({ links, customer }: { links: LinkRow[]; customer: string }) {
  return (
    <DataTable label="Resume links" columns={["Status", "Opened", "Created", "By", "Expires", ""]}>
      {links.map((l) => (
        // Status and opens first: on a phone the table scrolls sideways, and what became of the link shows without it.
        <Row key={l.id}>
          <Cell dense className="text-xs">
            {l.link.state === "active" ? (
              <Badge tone="emerald">active</Badge>
            ) : l.link.state === "expired" ? (
              <Badge tone="slate">expired</Badge>
            ) : (
              <span>
                <Badge tone="rose">revoked</Badge> {when(l.link.at)}
                {l.link.by ? ` by ${l.link.by}` : ""}
              </span>
            )}
          </Cell>
          <Cell dense className="text-xs">
            {opensInWords(l.opens, when)}
          </Cell>
          <Cell dense className="text-xs">
            {formatWallClock(Date.parse(l.createdAt))}
          </Cell>
          <Cell dense className="text-xs">
            {l.createdBy}
          </Cell>
          <Cell dense className="text-xs">
            {formatWallClock(Date.parse(l.expiresAt))}
          </Cell>
          <Cell dense className="text-right">
            {l.link.state === "active" && (
              <form action={revokeResumeLinkAction}>
                <input type="hidden" name="linkId" value={l.id} />
                <input type="hidden" name="userId" value={customer} />
                <ConfirmButton question="Revoke this resume link? The customer can no longer open it." className={buttonClass("danger")}>
                  Revoke
                </ConfirmButton>
              </form>
            )}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}

import { formatWallClock } from "@/components/replay/format-time";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { RevocableBadge, RevokeForm } from "@/components/ui/revocable";
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
            <RevocableBadge state={l.link} when={when} />
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
              <RevokeForm
                action={revokeResumeLinkAction}
                fields={{ linkId: l.id, userId: customer }}
                question="Revoke this resume link? The customer can no longer open it."
              />
            )}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}

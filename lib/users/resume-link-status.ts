/**
 * What became of a resume link, for the agent on the customer's page (without the access log):
 * whether it still works (active, expired, revoked) and whether the customer opened it, how often
 * and when last. Opens are the link's `resume-link.opened` audit records: the store's own account
 * of each open, so the page and the access log cannot disagree. Pure: the caller reads the rows.
 */
export interface LinkOpens {
  count: number;
  /** epoch ms of the newest open */
  last: number;
}

export type LinkState = { state: "active" } | { state: "expired"; at: number } | { state: "revoked"; at: number; by: string | null };

export interface LinkStatus {
  link: LinkState;
  opens: LinkOpens | null;
}

/** Each link's opens, from its open records (target: the link id; at: epoch ms), in any order. */
export function tallyOpens(records: readonly { target: string; at: number }[]): Map<string, LinkOpens> {
  const out = new Map<string, LinkOpens>();
  for (const r of records) {
    const seen = out.get(r.target);
    out.set(r.target, seen ? { count: seen.count + 1, last: Math.max(seen.last, r.at) } : { count: 1, last: r.at });
  }
  return out;
}

/** A revoke wins over an expiry (it was a decision); a link that expired is expired whatever its opens. */
export function linkStatusOf(
  row: { id: string; expiresAt: Date; revokedAt: Date | null; revokedBy: string | null },
  opens: ReadonlyMap<string, LinkOpens>,
  now: number,
): LinkStatus {
  const link: LinkState = row.revokedAt
    ? { state: "revoked", at: row.revokedAt.getTime(), by: row.revokedBy }
    : row.expiresAt.getTime() <= now
      ? { state: "expired", at: row.expiresAt.getTime() }
      : { state: "active" };
  return { link, opens: opens.get(row.id) ?? null };
}

/** "opened twice, last …" / "not opened": `when` formats a time for the page. */
export function opensInWords(opens: LinkOpens | null, when: (ms: number) => string): string {
  if (!opens) return "not opened";
  const times = opens.count === 1 ? "once" : opens.count === 2 ? "twice" : `${opens.count} times`;
  return `opened ${times}, last ${when(opens.last)}`;
}

import type { Store } from "../db/prisma";
import { readFeedBackward, type FeedFilter, type StoredEvent } from "../eventstore/read";

const PAGE = 200;

/**
 * The newest `want` events of `filter` that `trusts` believes, paging back through the feed:
 * filtering one page of 200 let any producer push the trusted payment or confirmation out of
 * the window with 200 events of its own under the same correlation id. Every page is an indexed
 * read; a flood costs its author's events' worth of pages, never a wrong answer.
 */
export async function readTrustedBackward(
  store: Store,
  filter: FeedFilter,
  trusts: (event: { type: string; source: string }) => boolean,
  want = PAGE,
): Promise<StoredEvent[]> {
  const found: StoredEvent[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await readFeedBackward(store, { limit: PAGE, before, filter });
    for (const event of page) if (trusts(event) && found.length < want) found.push(event);
    if (page.length < PAGE || found.length >= want) return found;
    before = Number(page.at(-1)!.position);
  }
}

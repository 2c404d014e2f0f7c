import { readJourneyFeed } from "../../eventstore/journey-events";
import type { JourneyEvent } from "../../journeys/journey-event";
import { LIVE_PAGE, type ProjectorOptions } from "./options";
import type { PageContext } from "./page-context";

/**
 * Phase "read the page": the events after the checkpoint, or the one set-aside event a retry
 * folds (taken out of the dead letters first, in this transaction: the feed skips them).
 */
export async function readPage(page: PageContext, checkpoint: number, options: ProjectorOptions): Promise<JourneyEvent[]> {
  if (options.only === undefined) return readJourneyFeed(page.store, checkpoint, options.pageSize ?? LIVE_PAGE);
  await page.store.db.deadLetter.deleteMany({ where: { position: BigInt(options.only) } });
  const only = options.only;
  return (await readJourneyFeed(page.store, only - 1, 1)).filter((e) => e.position === only);
}

import type { Store } from "../../db/prisma";
import type { Provider, Tx } from "../../db/sql";

/** What every phase of a page runs on: the page's transaction, also as a store for the event reads. */
export interface PageContext {
  tx: Tx;
  provider: Provider;
  /** the store with the transaction as its client */
  store: Store;
}

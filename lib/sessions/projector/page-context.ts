import type { Store } from "../../db/prisma";
import type { ReadModelTx } from "../read-model-tables";

/**
 * What every phase of a page runs on: the page's transaction and the tables of the generation it
 * folds into, and the transaction as a store for the event reads.
 */
export interface PageContext extends ReadModelTx {
  /** the store with the transaction as its client */
  store: Store;
}

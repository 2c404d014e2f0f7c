/**
 * A turn of the event loop. SQLite answers synchronously under Prisma's promises, so a loop of
 * queries never lets the server send a response or take a request: long loops (catching up the
 * projections, verifying the store) call this between pages.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

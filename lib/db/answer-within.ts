/**
 * `work`'s answer if it comes within `ms`, else `fallback` (a failure counts as the fallback too):
 * what asking a replica that may hang looks like (its health, how far it has folded), so a silent
 * replica never holds a read or a health check longer than that.
 */
export function answerWithin<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/** Progress in words, for the CLI and the pages: "41% (12,000 of 29,000 events)". */
export function progressWords(position: number, head: number): string {
  const percent = head === 0 ? 100 : Math.min(100, Math.floor((position / head) * 100));
  return `${percent}% (${position.toLocaleString("en-US")} of ${head.toLocaleString("en-US")} events)`;
}

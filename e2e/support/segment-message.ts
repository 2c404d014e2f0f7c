import { uniqueTag } from "./seed";

/** A valid body for a route of Segment's tracking API (a message of the route's type, or a batch of one). */
export function segmentMessage(route: string): Record<string, unknown> {
  const type = route.slice("/v1/".length);
  const message = {
    type: type === "batch" ? "track" : type,
    event: "Matrix Checked",
    userId: "matrix-user",
    previousId: "matrix-visitor",
    groupId: "matrix-group",
    messageId: uniqueTag("matrix"),
  };
  return type === "batch" ? { batch: [message] } : message;
}

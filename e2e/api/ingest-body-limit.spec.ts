import { expect, test } from "@playwright/test";
import { postChunked } from "../support/raw-post";
import { headPosition, producerAuth, serviceAuth, uniqueTag } from "../support/seed";

// Issue 11, finding 7: the proxy ran on every path, so Next copied each body and cut it at
// proxyClientMaxBodySize (10 MB) without an error; only a declared Content-Length was checked, and
// an 11,000,000-byte chunked binary body was stored cut short with a 200.
const OVER_LIMIT = 11_000_000;

const binaryHeaders = (tag: string, contentType: string) => ({
  ...producerAuth,
  "ce-specversion": "1.0",
  "ce-id": tag,
  "ce-source": "/e2e/limits",
  "ce-type": "e2e.body.sent",
  "ce-subject": `limits/${tag}`,
  "content-type": contentType,
});

/** An 11 MB structured event: valid JSON, so a body cut anywhere would not be. */
function structuredBody(tag: string): Uint8Array {
  const head = `{"specversion":"1.0","id":"${tag}","source":"/e2e/limits","type":"e2e.body.sent","data":{"pad":"`;
  const tail = `"}}`;
  return Buffer.from(head + "x".repeat(OVER_LIMIT - head.length - tail.length) + tail);
}

test.describe("a body over the limit is refused with 413 and writes nothing, however it is sent", () => {
  const cases: { name: string; headers: (tag: string) => Record<string, string>; body: (tag: string) => Uint8Array }[] = [
    { name: "binary mode, bytes", headers: (tag) => binaryHeaders(tag, "application/octet-stream"), body: () => new Uint8Array(OVER_LIMIT).fill(7) },
    { name: "binary mode, text", headers: (tag) => binaryHeaders(tag, "text/plain"), body: () => Buffer.from("y".repeat(OVER_LIMIT)) },
    { name: "structured mode", headers: () => ({ ...producerAuth, "content-type": "application/cloudevents+json" }), body: structuredBody },
  ];
  for (const c of cases) {
    test(`${c.name}, chunked`, async ({ request, baseURL }) => {
      const tag = uniqueTag("chunked");
      const before = await headPosition(request);
      const res = await postChunked(baseURL!, "/api/events", c.headers(tag), c.body(tag));
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "payload_too_large", details: { limitBytes: 10 * 1024 * 1024 } } });
      expect(await headPosition(request)).toBe(before);
    });
  }

  test("declared with Content-Length", async ({ request }) => {
    const tag = uniqueTag("declared");
    const before = await headPosition(request);
    const res = await request.post("/api/events", { headers: binaryHeaders(tag, "application/octet-stream"), data: Buffer.alloc(OVER_LIMIT, 1) });
    expect(res.status()).toBe(413);
    expect(await headPosition(request)).toBe(before);
  });
});

test("a chunked body under the limit is stored exactly as received", async ({ request, baseURL }) => {
  const tag = uniqueTag("exact");
  // Multi-byte characters in odd-sized chunks: chunk boundaries fall inside characters.
  const text = "héllo wörld € 😀 ".repeat(12_000);
  const res = await postChunked(baseURL!, "/api/events", binaryHeaders(tag, "text/plain; charset=utf-8"), Buffer.from(text), 9_973);
  expect(res.status).toBe(200);
  const stream = await request.get(`/api/streams/${encodeURIComponent(`limits/${tag}`)}`, { headers: serviceAuth });
  const { events } = (await stream.json()) as { events: { data: string }[] };
  expect(events[0]!.data.length).toBe(text.length);
  expect(events[0]!.data === text).toBe(true);
});

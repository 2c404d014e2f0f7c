import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../http/errors";
import { isBrowserRequest, readSegmentJson, writeKeyAuthorization } from "./segment-transport";

const basic = (userAndPassword: string) => `Basic ${Buffer.from(userAndPassword).toString("base64")}`;

describe("the write key", () => {
  it("is the Basic user name, as @segment/analytics-node sends it (an empty password)", () => {
    expect(writeKeyAuthorization(basic("rw_producer_key:"))).toBe("Bearer rw_producer_key");
    // Segment ignores a password, and so does Rewind.
    expect(writeKeyAuthorization(basic("rw_producer_key:anything"))).toBe("Bearer rw_producer_key");
  });

  it("is missing with no header, an empty user name, and taken as it is when it is a Bearer key", () => {
    expect(writeKeyAuthorization(null)).toBeNull();
    expect(writeKeyAuthorization(basic(":secret"))).toBeNull();
    expect(writeKeyAuthorization("Bearer k")).toBe("Bearer k");
  });
});

describe("browser requests", () => {
  it("are those with an Origin or Fetch Metadata; a server library sends neither", () => {
    expect(isBrowserRequest(new Headers({ origin: "https://shop.example" }))).toBe(true);
    expect(isBrowserRequest(new Headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
    // Node's fetch sends Sec-Fetch-Mode (never Sec-Fetch-Site or Origin): not a browser.
    expect(isBrowserRequest(new Headers({ "user-agent": "analytics-node-next/latest", "sec-fetch-mode": "cors" }))).toBe(false);
  });
});

const post = (body: BodyInit, headers: Record<string, string>) => new Request("http://rewind.test/v1/batch", { method: "POST", body, headers });

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.catch((e: unknown) => e);
  if (error instanceof ApiError) return error;
  throw new Error(`expected an ApiError, got ${String(error)}`);
}

describe("the body", () => {
  it("is JSON, plain or gzipped", async () => {
    expect(await readSegmentJson(post('{"batch":[]}', { "content-type": "application/json" }), 1_000)).toEqual({ batch: [] });
    const zipped = post(gzipSync('{"batch":[1]}'), { "content-type": "application/json", "content-encoding": "gzip" });
    expect(await readSegmentJson(zipped, 1_000)).toEqual({ batch: [1] });
  });

  it("is refused past the limit, counted unzipped too (413), as malformed JSON (400), or another media type (415)", async () => {
    expect((await refusal(readSegmentJson(post("x".repeat(2_000), { "content-type": "application/json" }), 1_000))).status).toBe(413);
    const bomb = post(gzipSync(" ".repeat(100_000)), { "content-type": "application/json", "content-encoding": "gzip" });
    expect((await refusal(readSegmentJson(bomb, 1_000))).status).toBe(413);
    expect((await refusal(readSegmentJson(post('{"batch":', { "content-type": "application/json" }), 1_000))).code).toBe("malformed_json");
    expect((await refusal(readSegmentJson(post("{}", { "content-type": "text/plain" }), 1_000))).status).toBe(415);
    expect((await refusal(readSegmentJson(post("{}", { "content-type": "application/json", "content-encoding": "br" }), 1_000))).status).toBe(415);
  });
});

import { expect, test } from "@playwright/test";
import { appendBatch, cloudEvent, headPosition, producerAuth, serviceAuth, uniqueTag } from "../support/seed";

const BATCH = "application/cloudevents-batch+json";
const STRUCTURED = "application/cloudevents+json";

test.describe("POST /api/events refuses bad input with the right status and writes nothing", () => {
  const valid = (tag: string, i = 1) => cloudEvent({ id: `${tag}-${i}`, subject: `bad/${tag}` });
  const cases: {
    name: string;
    status: number;
    code: string;
    headers?: Record<string, string>;
    body: (tag: string) => string;
    details?: Record<string, unknown>;
  }[] = [
    { name: "malformed JSON", status: 400, code: "malformed_json", body: () => '{"specversion":' },
    {
      name: "unsupported content type",
      status: 415,
      code: "unsupported_media_type",
      headers: { "content-type": "text/csv" },
      body: () => "a,b",
    },
    {
      name: "missing id",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify([valid(tag), { ...valid(tag, 2), id: undefined }]),
      details: { index: 1, attribute: "id" },
    },
    {
      name: "missing source",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify([{ ...valid(tag), source: undefined }]),
      details: { index: 0, attribute: "source" },
    },
    {
      name: "missing type",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify([{ ...valid(tag), type: "" }]),
      details: { index: 0, attribute: "type" },
    },
    {
      name: "wrong specversion",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify([{ ...valid(tag), specversion: "0.3" }]),
      details: { index: 0, attribute: "specversion" },
    },
    {
      name: "bad time",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify([valid(tag), valid(tag, 2), { ...valid(tag, 3), time: "2026-02-30T10:00:00Z" }]),
      details: { index: 2, attribute: "time" },
    },
    {
      name: "extension name with capitals",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify([{ ...valid(tag), userId: "u-1" }]),
      details: { index: 0, attribute: "userId" },
    },
    {
      name: "empty batch element",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify([valid(tag), {}]),
      details: { index: 1 },
    },
    {
      name: "a batch that is not an array",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify(valid(tag)),
    },
    {
      name: "object-valued extension",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify([{ ...valid(tag), comexample: { nested: true } }]),
      details: { index: 0, attribute: "comexample" },
    },
    {
      name: "data and data_base64 together",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify([{ ...valid(tag), data_base64: "AAEC" }]),
      details: { index: 0, attribute: "data_base64" },
    },
    {
      name: "a NUL character in data (PostgreSQL cannot keep one)",
      status: 422,
      code: "invalid_event",
      body: (tag) => JSON.stringify([valid(tag), { ...valid(tag, 2), data: { note: "a\u0000b" } }]),
      details: { index: 1, attribute: "data" },
    },
    {
      name: "a reserved rewind/ source",
      status: 403,
      code: "reserved_namespace",
      body: (tag) => JSON.stringify([valid(tag), { ...valid(tag, 2), source: "rewind/audit" }]),
      details: { index: 1, attribute: "source" },
    },
    {
      name: "a reserved rewind/ subject",
      status: 403,
      code: "reserved_namespace",
      body: (tag) => JSON.stringify([{ ...valid(tag), subject: "rewind/audit/x" }]),
      details: { index: 0, attribute: "subject" },
    },
    {
      name: "more events than allowed",
      status: 413,
      code: "payload_too_large",
      body: (tag) => JSON.stringify(Array.from({ length: 5001 }, (_, i) => valid(tag, i))),
    },
  ];

  for (const c of cases) {
    test(`${c.name} → ${c.status}`, async ({ request }) => {
      const tag = uniqueTag("bad");
      const before = await headPosition(request);
      const res = await request.post("/api/events", {
        headers: { ...producerAuth, "content-type": BATCH, ...c.headers },
        data: c.body(tag),
      });
      expect(res.status()).toBe(c.status);
      const body = (await res.json()) as { error: { code: string; message: string; details: Record<string, unknown> } };
      expect(body.error.code).toBe(c.code);
      expect(body.error.message.length).toBeGreaterThan(5);
      if (c.details) expect(body.error.details).toMatchObject(c.details);
      expect(await headPosition(request)).toBe(before);
    });
  }

  test("no key, a wrong key and a service key are refused", async ({ request }) => {
    const tag = uniqueTag("auth");
    const data = JSON.stringify([valid(tag)]);
    const none = await request.post("/api/events", { headers: { "content-type": BATCH }, data });
    expect(none.status()).toBe(401);
    expect((await none.json()).error.code).toBe("unauthorized");
    const wrong = await request.post("/api/events", {
      headers: { "content-type": BATCH, Authorization: "Bearer nope" },
      data,
    });
    expect(wrong.status()).toBe(401);
    const service = await request.post("/api/events", { headers: { "content-type": BATCH, ...serviceAuth }, data });
    expect(service.status()).toBe(403);
    const read = await request.get("/api/events", { headers: producerAuth });
    expect(read.status()).toBe(403);
    expect((await request.get("/api/events")).status()).toBe(401);
  });
});

test.describe("POST /api/events accepts every CloudEvents mode", () => {
  test("structured mode answers one result with numeric position", async ({ request }) => {
    const tag = uniqueTag("structured");
    const res = await request.post("/api/events", {
      headers: { ...producerAuth, "content-type": STRUCTURED },
      data: JSON.stringify(cloudEvent({ id: tag, subject: `s/${tag}`, userid: "u-9" })),
    });
    expect(res.status()).toBe(200);
    const { results } = await res.json();
    expect(results).toHaveLength(1);
    expect(typeof results[0].position).toBe("number");
    expect(results[0]).toMatchObject({ streamversion: 1, duplicate: false });
  });

  test("binary mode keeps attributes from ce- headers and the body as data", async ({ request }) => {
    const tag = uniqueTag("binary");
    const res = await request.post("/api/events", {
      headers: {
        ...producerAuth,
        "ce-specversion": "1.0",
        "ce-id": tag,
        "ce-source": "/e2e/binary",
        "ce-type": "e2e.binary.sent",
        "ce-subject": `b/${tag}`,
        "ce-time": "2026-06-01T12:00:00+02:00",
        "ce-userid": "u-bin",
        "ce-comexampleextension1": "value",
        "content-type": "application/json",
      },
      data: '{"world":"hello"}',
    });
    expect(res.status()).toBe(200);
    const stream = await request.get(`/api/streams/${encodeURIComponent(`b/${tag}`)}`, { headers: serviceAuth });
    const { events } = await stream.json();
    expect(events[0]).toMatchObject({
      id: tag,
      type: "e2e.binary.sent",
      time: "2026-06-01T10:00:00.000Z",
      userid: "u-bin",
      comexampleextension1: "value",
      data: { world: "hello" },
      streamversion: 1,
    });
  });

  test("the same event in binary and structured mode is one event", async ({ request }) => {
    const tag = uniqueTag("modes");
    const first = await appendBatch(request, [cloudEvent({ id: tag, subject: `m/${tag}`, time: "2026-06-01T10:00:00Z", data: { b: 1, a: [1, 2] } })]);
    const again = await request.post("/api/events", {
      headers: {
        ...producerAuth,
        "ce-specversion": "1.0",
        "ce-id": tag,
        "ce-source": "/e2e/tests",
        "ce-type": "e2e.thing.happened",
        "ce-subject": `m/${tag}`,
        "ce-time": "2026-06-01T11:00:00+01:00",
        "content-type": "application/json",
      },
      data: '{"a":[1,2],"b":1}',
    });
    expect(await again.json()).toEqual({
      results: [{ position: first.results[0]!.position, streamversion: 1, duplicate: true }],
    });
  });

  test("re-sending with other content is a 409 conflict that writes nothing", async ({ request }) => {
    const tag = uniqueTag("conflict");
    await appendBatch(request, [cloudEvent({ id: tag, subject: `c/${tag}` })]);
    const before = await headPosition(request);
    const res = await request.post("/api/events", {
      headers: { ...producerAuth, "content-type": BATCH },
      data: JSON.stringify([cloudEvent({ id: `${tag}-new`, subject: `c/${tag}` }), cloudEvent({ id: tag, subject: `c/${tag}`, data: { other: true } })]),
    });
    expect(res.status()).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: "duplicate_id_conflict", details: { index: 1, attribute: "id" } });
    expect(await headPosition(request)).toBe(before);
  });

  test("a stale expectedversion is a 409 with the stream's current version", async ({ request }) => {
    const tag = uniqueTag("ev");
    await appendBatch(request, [cloudEvent({ id: `${tag}-1`, subject: `v/${tag}`, expectedversion: 0 })]);
    const res = await request.post("/api/events", {
      headers: { ...producerAuth, "content-type": BATCH },
      data: JSON.stringify([cloudEvent({ id: `${tag}-2`, subject: `v/${tag}`, expectedversion: 0 })]),
    });
    expect(res.status()).toBe(409);
    expect((await res.json()).error).toMatchObject({
      code: "wrong_expected_version",
      details: { index: 0, currentVersion: 1, attribute: "expectedversion" },
    });
    const ok = await appendBatch(request, [cloudEvent({ id: `${tag}-2`, subject: `v/${tag}`, expectedversion: 1 })]);
    expect(ok.results[0]!.streamversion).toBe(2);
  });
});

test.describe("reading", () => {
  test("the feed pages in global order and a stream reads in version order", async ({ request }) => {
    const tag = uniqueTag("read");
    const { results } = await appendBatch(
      request,
      [1, 2, 3].map((i) => cloudEvent({ id: `${tag}-${i}`, subject: `r/${tag}`, data: { i } })),
    );
    const after = results[0]!.position - 1;
    const page = await request.get(`/api/events?after=${after}&limit=2`, { headers: serviceAuth });
    const { events } = await page.json();
    expect(events.map((e: { position: number }) => e.position)).toEqual([results[0]!.position, results[1]!.position]);
    expect(events[0]).toMatchObject({ specversion: "1.0", id: `${tag}-1`, data: { i: 1 } });
    expect(typeof events[0].recordedtime).toBe("string");

    const stream = await request.get(`/api/streams/${encodeURIComponent(`r/${tag}`)}`, { headers: serviceAuth });
    expect((await stream.json()).events.map((e: { streamversion: number }) => e.streamversion)).toEqual([1, 2, 3]);
  });

  test("an unknown stream is a 404; reading past the end of a known one is empty", async ({ request }) => {
    const tag = uniqueTag("nostream");
    const missing = await request.get(`/api/streams/${encodeURIComponent(`none/${tag}`)}`, { headers: serviceAuth });
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: "not_found", details: { stream: `none/${tag}` } });
    await appendBatch(request, [cloudEvent({ id: tag, subject: `known/${tag}` })]);
    const past = await request.get(`/api/streams/${encodeURIComponent(`known/${tag}`)}?from=5`, { headers: serviceAuth });
    expect(past.status()).toBe(200);
    expect((await past.json()).events).toEqual([]);
  });

  test("bad paging parameters are a 400 naming the parameter", async ({ request }) => {
    for (const [query, parameter] of [
      ["limit=5000", "limit"],
      ["after=-1", "after"],
      ["limit=abc", "limit"],
    ]) {
      const res = await request.get(`/api/events?${query}`, { headers: serviceAuth });
      expect(res.status()).toBe(400);
      expect((await res.json()).error.details).toMatchObject({ parameter });
    }
  });
});

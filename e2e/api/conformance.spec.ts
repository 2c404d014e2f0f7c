import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type APIResponse, expect, test } from "@playwright/test";
import { parseAllDocuments } from "yaml";
import { CONFORMANCE_FIXTURE } from "../../lib/testing/realdata";
import { producerAuth, serviceAuth, uniqueTag } from "../support/seed";

// The CloudEvents conformance events (cloudevents/conformance, yaml/), committed as a fixture.
const DIR = CONFORMANCE_FIXTURE;

interface ConformanceEvent {
  Mode?: string;
  ContextAttributes: Record<string, string> & { Extensions?: Record<string, string> };
  Data?: string;
}

function loadConformanceEvents(): { file: string; index: number; event: ConformanceEvent }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".yaml"))
    .flatMap((file) =>
      // failsafe: every scalar stays a string, so specversion stays "1.0" rather than 1
      parseAllDocuments(readFileSync(join(DIR, file), "utf8"), { schema: "failsafe" }).map((doc, index) => ({
        file,
        index,
        event: doc.toJS() as ConformanceEvent,
      })),
    );
}

const events = loadConformanceEvents();

test("the conformance files are there to test against", () => {
  expect(events.length).toBeGreaterThanOrEqual(8);
});

for (const { file, index, event } of events) {
  const mode = event.Mode ?? "structured";
  test(`${file} #${index + 1} (${mode}) is accepted and reads back`, async ({ request, baseURL }) => {
    const { Extensions = {}, ...attributes } = event.ContextAttributes;
    const id = `${attributes.id}-${uniqueTag("conf")}`;
    const all: Record<string, string> = { ...attributes, ...Extensions, id, specversion: String(attributes.specversion) };
    const data = event.Data?.replace(/\n$/, "");
    const contentType = all.datacontenttype;
    const isJson = contentType === undefined || /json/.test(contentType);

    let response: Pick<APIResponse, "status" | "text" | "json">;
    if (mode === "binary") {
      const headers: Record<string, string> = { ...producerAuth };
      for (const [name, value] of Object.entries(all)) {
        if (name === "datacontenttype") continue;
        headers[`ce-${name}`] = encodeURIComponent(value);
      }
      if (contentType) headers["content-type"] = contentType;
      // fetch with a byte body sends no Content-Type of its own, as the conformance event has none.
      const sent = await fetch(`${baseURL}/api/events`, {
        method: "POST",
        headers,
        body: new TextEncoder().encode(data ?? ""),
      });
      response = { status: () => sent.status, text: () => sent.clone().text(), json: () => sent.json() };
    } else {
      const body: Record<string, unknown> = { ...all };
      if (data !== undefined) body.data = isJson ? JSON.parse(data) : data;
      response = await request.post("/api/events", {
        headers: { ...producerAuth, "content-type": "application/cloudevents+json" },
        data: JSON.stringify(body),
      });
    }
    expect(response.status(), await response.text()).toBe(200);
    expect((await response.json()).results[0].duplicate).toBe(false);

    const stream = attributes.subject ?? attributes.source!;
    const read = await request.get(`/api/streams/${encodeURIComponent(stream)}?from=1&limit=1000`, {
      headers: serviceAuth,
    });
    const stored = ((await read.json()).events as Record<string, unknown>[]).find((e) => e.id === id);
    expect(stored).toBeDefined();
    expect(stored).toMatchObject({ type: attributes.type, source: attributes.source, specversion: "1.0" });
    for (const [name, value] of Object.entries(Extensions)) expect(stored![name]).toBe(value);
    if (attributes.time) expect(new Date(stored!.time as string).getTime()).toBe(new Date(attributes.time).getTime());
    if (data !== undefined) expect(stored!.data).toEqual(isJson ? JSON.parse(data) : data);
  });
}

import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { whatIfJobAnswerSchema } from "../../lib/what-if/what-if-schemas";
import { appendBatch, serviceAuth, uniqueTag } from "../support/seed";
import { signedInAs } from "../support/signed-in";

/** The shop fixture under a name of its own, so no other test's job holds it (one runs per name). */
type Doc = { name: string; priority: number; steps: { when: { type: string } }[] };

function draft(change: (doc: Doc) => void = () => {}): Doc {
  const doc = JSON.parse(readFileSync("lib/testing/fixtures/shop-journey.json", "utf8")) as Doc;
  doc.name = `wi-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  // Above any journey another test may have stored for shop events: the draft claims them.
  doc.priority = 100_000;
  change(doc);
  return doc;
}

async function finished(client: APIRequestContext, id: string, headers: Record<string, string> = serviceAuth) {
  let body: Record<string, unknown> = {};
  await expect
    .poll(
      async () => {
        body = await (await client.get(`/api/journeys/what-if/${id}`, { headers })).json();
        return body.state;
      },
      { timeout: 60_000 },
    )
    .not.toBe("running");
  return body;
}

test.describe("what-if jobs: POST /api/journeys/what-if, GET and DELETE /api/journeys/what-if/<id>", () => {
  test.beforeAll(async ({ request }) => {
    // Shop visits for the drafts to fold: enough that a job runs for more than a round trip.
    const tag = uniqueTag("what-if");
    const events = Array.from({ length: 3000 }, (_, i) => ({
      specversion: "1.0",
      id: `${tag}-${i}`,
      source: "shop/web",
      type: ["shop.product.viewed", "shop.cart.added", "shop.order.completed"][i % 3],
      time: new Date(Date.parse("2026-06-01T08:00:00Z") + i * 60_000).toISOString(),
      userid: `${tag}-shopper-${Math.floor(i / 3) % 50}`,
      datacontenttype: "application/json",
      data: { productId: `p${i % 4}`, name: "Oak chair" },
    }));
    for (let i = 0; i < events.length; i += 500) await appendBatch(request, events.slice(i, i + 500));
  });

  test("a service key starts one (202 with its id) and reads it to the end: two funnels of the analytics API's shape", async ({ request }) => {
    const started = await request.post("/api/journeys/what-if", { headers: serviceAuth, data: { definition: draft(), from: "2026-06-01", to: "2026-06-02" } });
    expect(started.status()).toBe(202);
    const { id } = await started.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = await finished(request, id);
    expect(body.state).toBe("done");
    const job = whatIfJobAnswerSchema.parse(body);
    expect(job.progress.done).toBe(job.progress.total);
    expect(job.progress.total).toBeGreaterThanOrEqual(3000);
    expect(job.result!.draft).toMatchObject({ from: "2026-06-01", to: "2026-06-02", steps: [{ key: "viewed" }, { key: "carted" }, { key: "ordered" }] });
    expect(job.result!.draft.sessions).toBeGreaterThan(0);
    // A journey that does not exist yet has no current figures: every session of the draft is new.
    expect(job.result!.current.sessions).toBe(0);
    expect(job.result!.changes.length).toBeGreaterThan(0);
    expect(job.result!.changes.map((c) => c.kind)).toContain("changed");
  });

  test("an admin session may start one too; one of the same name already running is a 409 naming it", async ({ baseURL }) => {
    const admin = await signedInAs("admin", baseURL!);
    const definition = draft();
    const first = await admin.post("/api/journeys/what-if", { data: { definition } });
    expect(first.status()).toBe(202);
    const accepted = await first.json();
    const second = await admin.post("/api/journeys/what-if", { data: { definition } });
    expect(second.status()).toBe(409);
    const refused = await second.json();
    expect(refused).toMatchObject({ id: accepted.id, error: { code: "conflict", details: { id: accepted.id } } });
    await finished(admin, accepted.id, {});
  });

  test("an invalid definition or range is a 400 naming its path, and starts nothing", async ({ request }) => {
    const post = (data: unknown) => request.post("/api/journeys/what-if", { headers: serviceAuth, data });
    const badStep = await post({
      definition: draft((d) => {
        d.steps[1]!.when.type = "";
      }),
    });
    expect(badStep.status()).toBe(400);
    expect(await badStep.json()).toMatchObject({ error: { code: "invalid_request", details: { attribute: "definition.steps[1].when.type" } } });
    const missing = await post({ from: "2026-06-01" });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: "invalid_request", details: { attribute: "definition" } } });
    const backwards = await post({ definition: draft(), from: "2026-06-05", to: "2026-06-01" });
    expect(backwards.status()).toBe(400);
    expect(await backwards.json()).toMatchObject({ error: { details: { attribute: "from" } } });
    const notADay = await post({ definition: draft(), from: "2026-02-30", to: "2026-03-01" });
    expect(await notADay.json()).toMatchObject({ error: { details: { attribute: "from" } } });
    const notJson = await request.post("/api/journeys/what-if", { headers: { ...serviceAuth, "content-type": "application/json" }, data: "{" });
    expect(notJson.status()).toBe(400);
  });

  test("DELETE cancels a running one (no result), answers a finished one's state; an unknown id is a 404", async ({ request }) => {
    const { id } = await (await request.post("/api/journeys/what-if", { headers: serviceAuth, data: { definition: draft() } })).json();
    const cancelled = await request.delete(`/api/journeys/what-if/${id}`, { headers: serviceAuth });
    expect(cancelled.status()).toBe(200);
    expect(await cancelled.json()).toEqual({ state: "cancelled" });
    const body = await (await request.get(`/api/journeys/what-if/${id}`, { headers: serviceAuth })).json();
    expect(body.state).toBe("cancelled");
    expect(body.result).toBeUndefined();
    expect(await (await request.delete(`/api/journeys/what-if/${id}`, { headers: serviceAuth })).json()).toEqual({ state: "cancelled" });

    for (const method of ["get", "delete"] as const) {
      const unknown = await request[method]("/api/journeys/what-if/no-such-job", { headers: serviceAuth });
      expect(unknown.status()).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: { code: "not_found", details: { id: "no-such-job" } } });
    }
  });
});

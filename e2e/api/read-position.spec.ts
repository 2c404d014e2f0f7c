import { expect, test } from "@playwright/test";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";

// ?minPosition= (issue 18): a client that has just appended reads its own write, from whichever
// store has folded that far (docs/deploy.md, "A read replica").

test("a read at the position just appended sees the event's session at once, with no polling", async ({ request }) => {
  const tag = uniqueTag("own-write");
  const user = `u-${tag}`;
  const { results } = await appendBatch(request, [
    cloudEvent({
      id: `${tag}-1`,
      source: "/holidays/identity",
      type: "identity.user.signed_in",
      userid: user,
      subject: `user/${user}`,
      data: { platform: "web" },
    }),
  ]);
  const position = results[0]!.position;
  const read = await request.get(`/api/users/${user}/sessions?minPosition=${position}`, { headers: serviceAuth });
  expect(read.status()).toBe(200);
  expect((await read.json()).sessions).toHaveLength(1);
  // Every read API takes it: the feed answers with the event itself.
  const feed = await request.get(`/api/events?after=${position - 1}&limit=1&minPosition=${position}`, { headers: serviceAuth });
  expect(feed.status()).toBe(200);
  expect((await feed.json()).events[0]).toMatchObject({ id: `${tag}-1`, position });
});

test("a position no store has folded is refused after 5 s with 503 and Retry-After; a malformed one at once with 400", async ({ request }) => {
  const started = Date.now();
  const behind = await request.get("/api/sessions?minPosition=999999999999", { headers: serviceAuth, timeout: 20_000 });
  const waited = Date.now() - started;
  expect(behind.status()).toBe(503);
  expect(behind.headers()["retry-after"]).toBe("1");
  expect((await behind.json()).error).toMatchObject({ code: "not_caught_up", details: { attribute: "minPosition", minPosition: 999_999_999_999 } });
  expect(waited).toBeGreaterThanOrEqual(4_900);
  for (const bad of ["-1", "soon", "1.5"]) {
    const refused = await request.get(`/api/sessions?minPosition=${bad}`, { headers: serviceAuth });
    expect(refused.status(), bad).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: "invalid_request", details: { attribute: "minPosition" } });
  }
});

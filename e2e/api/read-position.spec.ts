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

test("a position past the newest event is refused at once with 400; an anonymous or malformed one is refused at once too", async ({ request }) => {
  // Waiting (up to 5 s, then 503 not_caught_up with Retry-After) is for a real position the projector
  // has not folded yet: lib/sessions/read-position.int.test.ts holds a projector back to check it.
  const started = Date.now();
  const past = await request.get("/api/sessions?minPosition=999999999999", { headers: serviceAuth });
  expect(past.status()).toBe(400);
  expect((await past.json()).error).toMatchObject({ code: "invalid_request", details: { attribute: "minPosition" } });
  // An anonymous caller cannot make the server wait, whatever the route.
  for (const path of ["/api/sessions?minPosition=1", "/api/openapi.json?minPosition=1"]) {
    expect((await request.get(path)).status(), path).toBe(401);
  }
  expect(Date.now() - started).toBeLessThan(3_000);
  for (const bad of ["-1", "soon", "1.5"]) {
    const refused = await request.get(`/api/sessions?minPosition=${bad}`, { headers: serviceAuth });
    expect(refused.status(), bad).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: "invalid_request", details: { attribute: "minPosition" } });
  }
});

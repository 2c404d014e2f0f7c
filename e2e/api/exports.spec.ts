import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { seedUserSession } from "../support/seed-session";

const FORMULA = '=HYPERLINK("http://x","y")';

test("the session CSV never hands a spreadsheet a formula: an event type that starts like one comes out neutralised", async ({ request }) => {
  const seeded = await seedUserSession(request, (user, tag) => [
    cloudEvent({
      id: `${tag}-f`,
      source: "/holidays/search",
      type: FORMULA,
      subject: `search/${user}`,
      userid: user,
      time: "2026-06-01T10:02:00Z",
      data: { note: "@SUM(1+1)" },
    }),
  ]);
  await expect(async () => {
    const csv = await (await request.get(`/sessions/${seeded.sessionId}/export/csv`, { headers: serviceAuth })).text();
    const rows = parse(csv, { columns: true }) as { event: string }[];
    expect(rows.map((r) => r.event)).toContain(`'${FORMULA}`);
    for (const cell of rows.flatMap((r) => Object.values(r))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  }).toPass({ timeout: 10_000 });
});

test("a long session's exports stream whole: valid JSON of the usual shape, every event in order, and the CSV line for line", async ({ request }) => {
  const seeded = await seedUserSession(request);
  const extra = 1_234; // more than two pages of the export
  const base = Date.parse("2026-06-01T10:02:00Z");
  for (let i = 0; i < extra; i += 500) {
    await appendBatch(
      request,
      Array.from({ length: Math.min(500, extra - i) }, (_, k) =>
        cloudEvent({
          id: `${seeded.tag}-v${i + k}`,
          source: "/holidays/offers",
          type: "offers.offer.viewed",
          subject: `offer/${seeded.user}`,
          userid: seeded.user,
          time: new Date(base + (i + k) * 1_000).toISOString(),
          data: { offerId: `OF-${i + k}` },
        }),
      ),
    );
  }
  const total = extra + 2;
  await expect(async () => {
    const { session } = await (await request.get(`/api/sessions/${seeded.sessionId}`, { headers: serviceAuth })).json();
    expect(session.eventCount).toBe(total);
  }).toPass({ timeout: 20_000 });

  const json = await request.get(`/sessions/${seeded.sessionId}/export/json`, { headers: serviceAuth });
  expect(json.headers()["content-type"]).toBe("application/json");
  const body = JSON.parse(await json.text());
  // The environment's service key holds users.find, so the session's notes (none here) follow the events.
  expect(Object.keys(body)).toEqual(["session", "events", "notes"]);
  expect(body.notes).toEqual([]);
  expect(body.session.id).toBe(seeded.sessionId);
  expect(body.events).toHaveLength(total);
  const positions = body.events.map((e: { position: number }) => e.position);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(body.events.at(-1).data.offerId).toBe(`OF-${extra - 1}`);

  const csv = parse(await (await request.get(`/sessions/${seeded.sessionId}/export/csv`, { headers: serviceAuth })).text(), { columns: true }) as {
    event: string;
  }[];
  expect(csv.map((r) => r.event)).toEqual(body.events.map((e: { type: string }) => e.type));
});

test("a session whose producer id has a character no header can hold still exports, named exactly in filename*", async ({ request }) => {
  const tag = uniqueTag("named");
  const user = `usr-${tag}`;
  const sessionid = `${tag}-→"quoted"`;
  await appendBatch(request, [
    cloudEvent({
      id: `${tag}-1`,
      source: "/holidays/identity",
      type: "identity.user.signed_in",
      subject: `user/${user}`,
      userid: user,
      sessionid,
      time: "2026-06-01T10:00:00Z",
      data: { method: "password" },
    }),
    cloudEvent({
      id: `${tag}-2`,
      source: "/holidays/search",
      type: "search.destinations.searched",
      subject: `search/${user}`,
      userid: user,
      sessionid,
      time: "2026-06-01T10:01:00Z",
      data: { query: "Lisbon" },
    }),
  ]);
  let id = "";
  await expect(async () => {
    const { sessions } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    expect(sessions.length).toBeGreaterThan(0);
    id = sessions[0].id;
  }).toPass({ timeout: 10_000 });
  for (const format of ["json", "csv"]) {
    const response = await request.get(`/sessions/${encodeURIComponent(id)}/export/${format}`, { headers: serviceAuth });
    expect(response.status(), format).toBe(200);
    const disposition = response.headers()["content-disposition"]!;
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(`session-${id}.${format}`);
  }
});

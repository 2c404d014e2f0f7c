import { expect, test, type Request } from "@playwright/test";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";

/**
 * The player's reads are route handlers, not server actions (which React sends one at a time):
 * opening a replay mid-session, the block around the playhead, its neighbours and the first page
 * of the background fold are all in flight at once.
 */
test("the player's block loads and its background fold run side by side", async ({ page, request }) => {
  const tag = uniqueTag("par");
  const user = `u-${tag}`;
  const start = Date.parse("2026-05-03T09:00:00Z");
  // 250 events five seconds apart: one session of three blocks.
  await appendBatch(
    request,
    Array.from({ length: 250 }, (_, i) =>
      cloudEvent({
        id: `${tag}-${i}`,
        source: "/holidays/search",
        subject: `s/${tag}`,
        type: "search.destinations.searched",
        time: new Date(start + i * 5_000).toISOString(),
        userid: user,
        data: { query: `Q${i}`, checkIn: "2026-06-12", checkOut: "2026-06-19", adults: 2, children: 0 },
      }),
    ),
  );
  let sessionId = "";
  await expect(async () => {
    const { sessions } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    expect(sessions[0]?.eventCount).toBe(250);
    sessionId = sessions[0].id;
  }).toPass({ timeout: 15_000 });

  // Every replay read, and what else was still waiting for its answer when it was sent. (Counted
  // to the response, not to the end of its body: a server action's result resolves from a streamed
  // body, and the next queued action goes out before that body ends. Measured on the server-action
  // player: four reads, each sent only after the one before had answered.)
  const inFlight = new Set<Request>();
  const overlaps: { read: string; alongside: string[] }[] = [];
  const readOf = (r: Request) =>
    new URL(r.url()).pathname.split("/").pop()! + (new URL(r.url()).searchParams.has("block") ? ` ${new URL(r.url()).searchParams.get("block")}` : "");
  page.on("request", (r) => {
    if (!new URL(r.url()).pathname.startsWith("/api/replay/")) return;
    overlaps.push({ read: readOf(r), alongside: [...inFlight].map(readOf) });
    inFlight.add(r);
  });
  page.on("response", (r) => inFlight.delete(r.request()));
  page.on("requestfailed", (r) => inFlight.delete(r));

  await page.goto(`/sessions/${sessionId}?at=150`);
  await expect(page.getByRole("slider", { name: "Playhead" })).toHaveAttribute("aria-valuenow", "150");
  await expect(page.getByRole("region", { name: "Player" })).toHaveAttribute("data-loaded", "true");
  await expect(page.getByRole("region", { name: "Journey state" })).toContainText("Q150");

  const reads = overlaps.map((o) => o.read);
  expect(reads).toEqual(expect.arrayContaining(["block 1", "block 0", "block 2", "events"]));
  // Sent while another was still unanswered: two blocks at once, and a block beside the fold.
  const most = Math.max(...overlaps.map((o) => o.alongside.filter((a) => a.startsWith("block")).length + (o.read.startsWith("block") ? 1 : 0)));
  expect(most, JSON.stringify(overlaps)).toBeGreaterThanOrEqual(2);
  expect(
    overlaps.some(
      (o) => (o.read === "events" && o.alongside.some((a) => a.startsWith("block"))) || (o.read.startsWith("block") && o.alongside.includes("events")),
    ),
    JSON.stringify(overlaps),
  ).toBe(true);
});

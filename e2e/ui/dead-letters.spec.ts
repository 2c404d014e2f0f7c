import { execFileSync } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";

interface Health {
  projector: { state: string; position: number; head: number; lag: number; deadLetters: number };
}
const health = async (request: APIRequestContext) => (await (await request.get("/api/health")).json()) as Health;

/** An event nested 1,200 deep written straight into the store (e2e/support/insert-unfoldable-event.ts); its position. */
function insertUnfoldableEvent(templatePosition: number, eventId: string): number {
  const output = execFileSync("node_modules/.bin/tsx", ["e2e/support/insert-unfoldable-event.ts", String(templatePosition), eventId], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e-store/rewind.db" },
  });
  return Number(output.toString().trim().split("\n").pop());
}

test("an event the projector cannot fold is set aside, shown to admins raw and beside its session's replay, retried and discarded", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const tag = uniqueTag("dead");
  const user = `usr-${tag}`;
  const [template] = (
    await appendBatch(request, [
      cloudEvent({ id: `${tag}-1`, subject: `dead/${tag}`, userid: user, time: "2026-06-01T10:00:00Z" }),
      cloudEvent({ id: `${tag}-2`, subject: `dead/${tag}`, userid: user, time: "2026-06-01T10:01:00Z" }),
    ])
  ).results;
  const before = (await health(request)).projector.deadLetters;
  const position = insertUnfoldableEvent(template!.position, `${tag}-deep`);
  // Appended after it: projected all the same.
  await appendBatch(request, [cloudEvent({ id: `${tag}-3`, subject: `dead/${tag}`, userid: `${user}-later`, time: "2026-06-01T10:02:00Z" })]);

  await expect
    .poll(
      async () => {
        const h = await health(request);
        return [h.projector.deadLetters - before, h.projector.head - h.projector.position];
      },
      { timeout: 20_000 },
    )
    .toEqual([1, 0]);
  const later = await request.get(`/api/users/${encodeURIComponent(`${user}-later`)}/sessions`, { headers: serviceAuth });
  expect((await later.json()).sessions).toHaveLength(1);

  await page.goto("/admin/dead-letters");
  const row = page
    .getByRole("table", { name: "Set-aside events" })
    .getByRole("row")
    .filter({ hasText: String(position) });
  await expect(row).toContainText("sessions");
  await row.getByRole("link", { name: String(position) }).click();
  await page.waitForURL(/\/events\?event=/);
  await expect(page.getByRole("region", { name: "Event inspector" }).getByLabel("Event JSON")).toContainText(`${tag}-deep`, { timeout: 15_000 });

  // The replay of the customer's session shows it beside the timeline, raw.
  const sessions = await request.get(`/api/users/${encodeURIComponent(user)}/sessions`, { headers: serviceAuth });
  const [session] = (await sessions.json()).sessions as { id: string }[];
  await page.goto(`/sessions/${session!.id}`);
  const beside = page.getByRole("region", { name: "Set-aside events" });
  await beside.getByText(`position ${position}`).click();
  await expect(beside).toContainText(`"id": "${tag}-deep"`);

  await page.goto("/admin/dead-letters");
  await row.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("status")).toHaveText(`Event ${position} still cannot be folded; it stays aside.`);
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Discard" }).click();
  await expect(page.getByRole("status")).toContainText(`Event ${position} is discarded`);
  await expect(row).toHaveCount(0);
  expect((await health(request)).projector.deadLetters).toBe(before);
});

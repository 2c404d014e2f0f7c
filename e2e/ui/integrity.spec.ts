import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("auditor") });

/** Overwrites a stored event's data behind Rewind's back (e2e/support/edit-stored-event.ts); its position. */
function editStoredEvent(eventId: string, data: unknown): number {
  const output = execFileSync("node_modules/.bin/tsx", ["e2e/support/edit-stored-event.ts", eventId, JSON.stringify(data)], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e-store/rewind.db" },
  });
  const last = output.toString().trim().split("\n").pop()!;
  if (!/^\d+$/.test(last)) throw new Error(`edit-stored-event printed ${JSON.stringify(output.toString())}`);
  return Number(last);
}

test("a service reads the digest and verifies the store as a stream of progress then the result", async ({ request }) => {
  await appendBatch(request, [cloudEvent({ id: uniqueTag("integrity-api") })]);
  const { digest, position, head } = await (await request.get("/api/integrity", { headers: serviceAuth })).json();
  expect(digest).toMatch(/^rewind-digest:v1:\d+:[\w-]{43}$/);
  expect(position).toBe(head);

  const response = await request.get(`/api/integrity/verify?${new URLSearchParams({ digest })}`, { headers: serviceAuth });
  expect(response.headers()["content-type"]).toContain("application/x-ndjson");
  const lines = (await response.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  expect(lines[0]).toMatchObject({ progress: { checked: 0 } });
  expect(lines.at(-1).result).toMatchObject({ ok: true, problemCount: 0, digest: { given: digest, matched: true } });
  // Events a retention purge removed (another spec may have run one on this store) count as purged, not checked.
  expect(lines.at(-1).result.checked + lines.at(-1).result.purged).toBeGreaterThanOrEqual(position);

  const bad = await request.get("/api/integrity/verify?digest=yesterday", { headers: serviceAuth });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ details: { parameter: "digest" } });
});

test("an auditor keeps the digest, verifies the store against it, and sees an edited event named", async ({ page, request }) => {
  test.setTimeout(60_000);
  const tag = uniqueTag("integrity");
  await appendBatch(request, [cloudEvent({ id: tag, data: { amount: 100 } })]);
  await page.goto("/integrity");
  const digest = (await page.getByTestId("digest").textContent())!.trim();
  // Kept by copying it, not by retyping.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy digest" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(digest);

  const verifier = page.getByRole("region", { name: "Verify the store" });
  await verifier.getByLabel(/A digest you kept/).fill(digest);
  await verifier.getByRole("button", { name: "Verify every event" }).click();
  await expect(verifier.getByRole("status")).toContainText("Intact: all");
  await expect(verifier.getByRole("status")).toContainText("up to and including the digest you gave");

  await verifier.getByLabel(/A digest you kept/).fill("rewind-digest:v1:12");
  await verifier.getByRole("button", { name: "Verify every event" }).click();
  await expect(verifier.getByRole("alert")).toContainText("digest must look like rewind-digest:v1:");

  // A made-up digest naming an event the store holds: one problem for the one cause, nothing to open.
  const [, , kept] = digest.split(":");
  await verifier.getByLabel(/A digest you kept/).fill(`rewind-digest:v1:${kept}:${"A".repeat(43)}`);
  await verifier.getByRole("button", { name: "Verify every event" }).click();
  await expect(verifier.getByRole("status")).toContainText(`1 problem in`);
  await expect(verifier.getByRole("status").getByRole("listitem")).toHaveText(/^the digest does not match the store at event \d+:/);
  await expect(verifier.getByRole("status").getByRole("link")).toHaveCount(0);

  // Someone with the database's own rights edits the event's data.
  const position = editStoredEvent(tag, { amount: 1 });
  try {
    await verifier.getByLabel(/A digest you kept/).fill(digest);
    await verifier.getByRole("button", { name: "Verify every event" }).click();
    await expect(verifier.getByRole("status")).toHaveAttribute("data-ok", "false");
    await expect(verifier.getByRole("status")).toContainText(`event ${position} no longer hashes to what was recorded when it was appended`);
  } finally {
    // Put it back as it was, for the tests after this one.
    editStoredEvent(tag, { amount: 100 });
  }
  await verifier.getByRole("button", { name: "Verify every event" }).click();
  await expect(verifier.getByRole("status")).toHaveAttribute("data-ok", "true");
});

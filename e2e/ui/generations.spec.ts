import { expect, test } from "@playwright/test";
import { serviceAuth, uniqueTag } from "../support/seed";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("admin") });

/** A definition of this test's own event types: no other test's sessions fold differently with it. */
function definition(prefix: string, name: string) {
  return {
    name,
    label: "E2E rollback",
    priority: 20,
    claims: { types: [`${prefix}.*`], sources: ["*"] },
    steps: [{ key: "viewed", label: "Viewed", when: { type: `${prefix}.viewed` } }],
    outcome: { completed: "viewed" },
  };
}

test("an admin sees each generation with its disk, saves a journey, and rolls back to the generation before it", async ({ page, request }) => {
  // A save re-folds the whole shared e2e store into a new generation: minutes on a loaded 2-core machine.
  test.setTimeout(240_000);
  const tag = uniqueTag("gen").replace(/[^a-z0-9]/g, "");
  const name = `e2e-rb-${tag.slice(-20)}`;
  await page.goto("/admin/journeys");
  const generations = page.getByRole("table", { name: "Generations" });
  const liveRow = generations.getByRole("row").filter({ has: page.getByText("live", { exact: true }) });
  await expect(liveRow).toHaveCount(1);
  // What folded it, and the disk its tables use (SQLite's dbstat here).
  await expect(liveRow).toContainText("booking fold v");
  await expect(liveRow).toContainText(/\d+(\.\d)? (KB|MB|GB)/);
  const before = Number(await liveRow.locator("td").first().textContent());

  await page.getByLabel("Definition (JSON)").fill(JSON.stringify(definition(`e2erb${tag}`, name), null, 2));
  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved ${name} v1` })).toBeVisible();
  const liveVersion = async () =>
    ((await (await request.get("/api/journeys", { headers: serviceAuth })).json()).journeys as { name: string; liveVersion: number | null }[]).find(
      (j) => j.name === name,
    )?.liveVersion;
  await expect.poll(liveVersion, { timeout: 150_000 }).toBe(1);

  // The generation it replaced is kept: Roll back (confirmed) brings the newest kept one back.
  await page.goto("/admin/journeys");
  const kept = generations.getByRole("row").filter({ has: page.getByText("kept", { exact: true }) });
  await expect(kept.first()).toBeVisible();
  const target = kept.filter({ has: page.getByRole("button", { name: "Roll back" }) });
  await expect(target).toHaveCount(1);
  const targetId = Number(await target.locator("td").first().textContent());
  // Tests run one at a time: the generation live before the save is the one retired last.
  expect(targetId).toBe(before);
  page.once("dialog", (dialog) => void dialog.accept());
  await target.getByRole("button", { name: "Roll back" }).click();
  // Instant here (only the events since the save are folded first); a longer catch-up shows its progress meanwhile.
  await expect(page.getByRole("status").filter({ hasText: `generation ${targetId} is live again` })).toBeVisible({ timeout: 60_000 });
  await expect(generations.getByRole("row").filter({ has: page.getByText("live", { exact: true }) })).toContainText(String(targetId));
  // The journey saved after it is not in the restored generation: still stored, not live.
  await expect.poll(liveVersion, { timeout: 10_000 }).toBeNull();
});

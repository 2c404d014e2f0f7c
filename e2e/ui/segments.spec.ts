import { expect, test, type Page } from "@playwright/test";
import { serviceAuth, uniqueTag } from "../support/seed";
import { seedSimulatedWorld } from "../support/seed-world";
import { storageStateOf } from "../support/users";

// A range of its own, so other specs' sessions do not change these counts.
const FROM = "2026-04-06";
const TO = "2026-04-08";

async function saveAsSegment(page: Page, name: string) {
  await page.getByText("Save as segment").click();
  const form = page.getByRole("form", { name: "Save segment" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Save segment" }).click();
  return form;
}

const row = (page: Page, name: string) => page.getByRole("table", { name: "Segments" }).getByRole("row").filter({ hasText: name });

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("a drill-down and a search saved as segments count as the sessions page and the API do, per day too; edit, delete asks first", async ({
    page,
    request,
  }) => {
    await seedSimulatedWorld(request, { users: 12, days: 3, seed: "e2e-segments", from: FROM });
    const drill = uniqueTag("Started early April");
    await page.goto(`/sessions?journey=holiday-booking&from=${FROM}&to=${TO}&back=overview`);
    const shown = Number((await page.getByTestId("drill-total").textContent())!.replace(/[^\d]/g, ""));
    expect(shown).toBeGreaterThan(0);
    await expect((await saveAsSegment(page, drill)).getByRole("status")).toContainText(`Saved as segment “${drill}”`);

    // The builder's search, counted by the API (lib/search) as a second way.
    const search = uniqueTag("Browsed early April");
    const { total: browsed } = await (await request.get(`/api/sessions?from=${FROM}&to=${TO}&outcome=browsed`, { headers: serviceAuth })).json();
    await page.goto(`/sessions?search=1&from=${FROM}&to=${TO}&outcome=browsed`);
    await saveAsSegment(page, search);
    await expect(page.getByRole("form", { name: "Save segment" }).getByRole("status")).toBeVisible();

    await page.goto("/segments");
    // The drill-down's count is the page's; the API counts the same sessions by its own query.
    const { total: all } = await (await request.get(`/api/sessions?from=${FROM}&to=${TO}`, { headers: serviceAuth })).json();
    expect(all).toBe(shown);
    for (const [name, total] of [
      [drill, shown],
      [search, browsed],
    ] as const) {
      await expect(row(page, name).getByTestId("segment-total")).toHaveText(total.toLocaleString("en-GB"));
      // Its sessions per start day, added up, are its total (the range is three days).
      const label = (await row(page, name).getByRole("img").getAttribute("aria-label"))!;
      expect(label).toContain(`${FROM} to ${TO}`);
      expect(
        label
          .slice(label.indexOf(":") + 1)
          .split(",")
          .reduce((sum, n) => sum + Number(n), 0),
      ).toBe(total);
      await expect(row(page, name)).toContainText("by analyst@");
    }
    // Opening a segment shows its sessions.
    await row(page, drill).getByRole("link", { name: drill }).click();
    await expect(page.getByTestId("drill-total")).toHaveText(`${shown} ${shown === 1 ? "session" : "sessions"}`);

    // A second segment of the same name (whatever its case) is refused, naming it.
    await page.goto(`/sessions?search=1&from=${FROM}&to=${TO}`);
    await saveAsSegment(page, search.toUpperCase());
    await expect(page.getByRole("alert").filter({ hasText: "exists already" })).toBeVisible();

    // Edit: a new name and filter, and who changed it.
    await page.goto("/segments");
    const renamed = `${search} (booked)`;
    await row(page, search).getByText("Edit").click();
    const edit = row(page, search).getByRole("form", { name: "Save changes" });
    await edit.getByLabel("Name").fill(renamed);
    await edit.getByLabel(/Filter/).fill(`search=1&from=${FROM}&to=${TO}&outcome=completed`);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByRole("status")).toContainText("changed");
    await page.reload();
    const { total: booked } = await (await request.get(`/api/sessions?from=${FROM}&to=${TO}&outcome=completed`, { headers: serviceAuth })).json();
    await expect(row(page, renamed).getByTestId("segment-total")).toHaveText(booked.toLocaleString("en-GB"));
    await expect(row(page, renamed)).toContainText("changed by analyst@");

    // Delete asks first: dismissed, it stays; accepted, it is gone.
    page.once("dialog", (d) => d.dismiss());
    await row(page, renamed).getByRole("button", { name: "Delete" }).click();
    await page.reload();
    await expect(row(page, renamed)).toHaveCount(1);
    page.once("dialog", (d) => d.accept());
    await row(page, renamed).getByRole("button", { name: "Delete" }).click();
    await expect(row(page, renamed)).toHaveCount(0);
  });
});

test.describe("as an agent", () => {
  test.use({ storageState: storageStateOf("agent") });

  test("a search that asks about personal data is not saved as a segment: the team, analysts included, would see it", async ({ page }) => {
    await page.goto(`/sessions?search=1&hasType=user.user.registered&where=${encodeURIComponent("data.email:eq:someone@example.com")}`);
    await saveAsSegment(page, uniqueTag("Someone"));
    await expect(page.getByRole("alert").filter({ hasText: "may not ask about personal data" })).toBeVisible();
  });
});

test.describe("as an auditor", () => {
  test.use({ storageState: storageStateOf("auditor") });

  test("sees the segments but saves, edits and deletes none", async ({ page }) => {
    await page.goto("/segments");
    await expect(page.getByRole("table", { name: "Segments" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await page.goto(`/sessions?journey=holiday-booking&from=${FROM}&to=${TO}`);
    await expect(page.getByText("Save as segment")).toHaveCount(0);
  });
});

import { expect, test, type APIRequestContext } from "@playwright/test";
import { seedSimulatedWorld } from "../support/seed-world";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("analyst") });

// A range of its own, so other specs' events do not change these paths.
const FROM = "2026-03-02";
const TO = "2026-03-05";
const PATHS = `/analytics/paths?from=${FROM}&to=${TO}`;

const seedWorld = (request: APIRequestContext) => seedSimulatedWorld(request, { users: 15, days: 4, seed: "e2e-event-paths", from: FROM });

test("choosing Events draws the event-level paths, and a path opens exactly its sessions", async ({ page, request }) => {
  await seedWorld(request);
  await page.goto(PATHS);
  await page.getByRole("navigation", { name: "Paths of" }).getByRole("link", { name: "Events" }).click();
  await expect(page).toHaveURL(/level=events/);
  const graph = page.getByRole("img", { name: "Most common event paths from session start" });
  await expect(graph).toBeVisible();
  // The rows name event types in words ("destinations searched → …"), not the funnel's steps nor the raw type names.
  const first = page.getByRole("table", { name: "Common paths" }).locator("tbody tr").first();
  await expect(first.locator("td").first()).toContainText(/(destinations searched|user signed in|user registered)/);
  await expect(first.locator("td").first()).not.toContainText(/\w+\.\w+\.\w+/);

  // A node of the graph narrows the table to the paths through it, and the level stays.
  await graph.locator("g.cursor-pointer rect").first().click();
  await expect(page).toHaveURL(/through=.*level=events|level=events.*through=/);
  await expect(page.getByTestId("paths-through")).toContainText(/^Paths through .+: \d+ of \d+\./);

  const row = page.getByRole("table", { name: "Common paths" }).locator("tbody tr").first();
  const count = Number((await row.getByRole("link").textContent())!.replace(/,/g, ""));
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/sessions\?.*eventPath=/);
  await expect(page.getByRole("table", { name: "Sessions" }).locator("tbody tr")).toHaveCount(Math.min(count, 50));
  await expect(page.getByRole("status")).toContainText(/whose events went .+ and ended /);
});

test("the Sankey's labels fit at 1440 without running into each other, and on a phone a hint says the graph scrolls sideways", async ({ page, request }) => {
  await seedWorld(request);
  for (const level of ["steps", "events"]) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${PATHS}&level=${level}`);
    const svg = page.locator("[role=img] svg").first();
    await expect(svg).toBeVisible();
    const overflow = await svg.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      return [...el.querySelectorAll("text")].filter((t) => t.getBoundingClientRect().right > right + 1).map((t) => t.textContent);
    });
    expect(overflow).toEqual([]);
    // No two labels overlap: a long name would run into the next column's (as raw event types did).
    const overlapping = await svg.evaluate((el) => {
      const boxes = [...el.querySelectorAll("text")].map((t) => ({ name: t.textContent, box: t.getBoundingClientRect() })).filter((b) => b.box.width > 0);
      const meet = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      return boxes.flatMap((a, i) => boxes.slice(i + 1).flatMap((b) => (meet(a.box, b.box) ? [`${a.name} / ${b.name}`] : [])));
    });
    expect(overlapping).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId("sankey-scroll-hint")).toBeVisible();
  }
});

import { expect, test } from "@playwright/test";
import { maskValue } from "../../lib/privacy/mask";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { seedUserSession } from "../support/seed-session";
import { signedInAs, viewerIdOf } from "../support/signed-in";
import { E2E_USERS } from "../support/users";

// The access log, read as the admin (the ui project's default sign-in).
test.describe("as an admin", () => {
  test("the access log shows what it records through the masking: a customer whose user id is an email, and the request that named it", async ({
    page,
    request,
  }) => {
    const email = `${uniqueTag("logged")}@example.com`;
    await appendBatch(request, [cloudEvent({ id: uniqueTag("logged-event"), subject: `customer/${email}`, userid: email })]);
    await expect(async () => {
      const { sessions } = await (await request.get(`/api/users/${email}/sessions`, { headers: serviceAuth })).json();
      expect(sessions.length).toBeGreaterThan(0);
    }).toPass({ timeout: 15_000 });
    await page.goto("/access-log?viewer=env%3AREWIND_API_KEY");
    const table = page.getByRole("table", { name: "Access log" });
    await expect(
      table
        .getByRole("row")
        .filter({ hasText: maskValue(email) })
        .first(),
    ).toBeVisible();
    expect(await page.content()).not.toContain(email.split("@")[0]);
  });

  test("the access log filters by customer viewed and by viewer", async ({ page, request, baseURL }) => {
    const seeded = await seedUserSession(request);
    const agent = await signedInAs("agent", baseURL!);
    await agent.get(`/users/${seeded.user}`);
    const agentId = await viewerIdOf(agent);
    await page.goto(`/access-log?customer=${seeded.user}`);
    // The seeding read the customer's sessions with the service key: that is on record too.
    const rows = page.getByRole("table", { name: "Access log" }).getByRole("row");
    await expect(rows.filter({ hasText: "service key REWIND_API_KEY" }).first()).toBeVisible();
    const byAgent = rows.filter({ hasText: E2E_USERS.agent.email });
    await expect(byAgent).toHaveCount(1);
    await expect(byAgent).toContainText("viewed a customer's sessions");
    await page.goto(`/access-log?customer=${seeded.user}&viewer=${encodeURIComponent("someone-else")}`);
    await expect(page.getByText("No access matches these filters.")).toBeVisible();
    await page.goto(`/access-log?customer=${seeded.user}&viewer=${encodeURIComponent(agentId)}`);
    await expect(page.getByRole("table", { name: "Access log" }).getByRole("row")).toHaveCount(2);
    await expect(page.getByRole("table", { name: "Access log" })).not.toContainText("service key");
  });
});

test.describe("as an admin, the access log's filters and export", () => {
  test("the viewer filter lists every viewer on record, actions filter, and the export holds the filtered rows as CSV", async ({ page, request, baseURL }) => {
    const seeded = await seedUserSession(request);
    const agent = await signedInAs("agent", baseURL!);
    await agent.get(`/users/${seeded.user}`);
    const agentId = await viewerIdOf(agent);
    await page.goto(`/access-log?customer=${seeded.user}`);
    // The agent and the service key that seeded the customer, each named by who they are.
    const viewer = page.getByLabel("Viewer");
    await expect(viewer.locator("option", { hasText: E2E_USERS.agent.email })).toHaveAttribute("value", agentId);
    await expect(viewer.locator("option", { hasText: "service key REWIND_API_KEY" })).toHaveCount(1);

    await page.getByLabel("Action").selectOption("customer.viewed");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=customer\.viewed/);
    const rows = page.getByRole("table", { name: "Access log" }).locator("tbody tr");
    await expect(rows.filter({ hasText: E2E_USERS.agent.email })).toHaveCount(1);
    const shown = await rows.count();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action")))).toEqual(Array(shown).fill("customer.viewed"));

    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toContain("action=customer.viewed");
    const response = await page.request.get(href!);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("at,viewer,viewer_role,action,what,customer,session,opened,reason,position");
    // The same rows as the page, one line each after the header.
    expect(lines).toHaveLength(shown + 1);
    expect(lines.filter((l) => l.includes(`${E2E_USERS.agent.email},agent,customer.viewed`))).toHaveLength(1);
    // A key is nobody here: the export is the dashboard's own.
    expect((await request.get(href!, { headers: serviceAuth })).status()).toBe(401);
  });

  test("on a 390 px phone every section of the top menu is in view", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/access-log");
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("listitem").getByRole("link");
    await expect(links).toHaveCount(8);
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, (await link.textContent()) ?? "").toBeLessThanOrEqual(390);
    }
  });
});

test("the admin's users page shows each user's last sign-in", async ({ page }) => {
  await page.goto("/admin/users");
  // This test's own sign-in (e2e/setup) is the admin's newest one.
  const me = page.getByRole("table", { name: "Dashboard users" }).getByRole("row").filter({ hasText: E2E_USERS.admin.email });
  await expect(me).not.toContainText("none kept");
  await expect(me.getByRole("cell").nth(4)).toHaveText(/\d/);
});

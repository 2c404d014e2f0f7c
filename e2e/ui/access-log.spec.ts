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

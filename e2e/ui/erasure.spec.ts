import { expect, test } from "@playwright/test";
import { cloudEvent, serviceAuth } from "../support/seed";
import { seedUserSession } from "../support/seed-session";
import { storageStateOf } from "../support/users";

test("an admin erases a customer, asked first; an agent replays their session with the values erased, and the store still verifies", async ({
  page,
  browser,
  request,
}) => {
  const email = `erase.me.${Date.now().toString(36)}@example.com`;
  const name = "Eleanor Quarrington";
  const { user, tag, sessionId } = await seedUserSession(request, (u, t) => [
    cloudEvent({
      id: `${t}-registered`,
      source: "/holidays/identity",
      type: "identity.user.registered",
      subject: `user/${u}`,
      userid: u,
      time: "2026-06-01T10:02:00Z",
      data: { name, email, phone: "+44 20 7946 0321", country: "GB" },
    }),
  ]);
  await expect(async () => {
    const { sessions } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    expect(sessions[0].eventCount).toBe(3);
  }).toPass({ timeout: 10_000 });

  await page.goto("/admin/erasure");
  const form = page.getByRole("form", { name: "Erase this customer" });
  await form.getByLabel("User id or reference").fill(user);
  // A reason is required: refused, nothing erased.
  await form.getByLabel("Reason").fill("x");
  await form.getByLabel("Reason").evaluate((input: HTMLInputElement) => input.removeAttribute("minlength"));
  page.once("dialog", (dialog) => dialog.accept());
  await form.getByRole("button", { name: "Erase this customer" }).click();
  await expect(form.getByRole("alert")).toContainText("reason: a reason is required");

  // A refused form starts empty again (React resets a form after its action).
  await form.getByLabel("User id or reference").fill(user);
  await form.getByLabel("Reason").fill(`erasure request ${tag}`);
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await form.getByRole("button", { name: "Erase this customer" }).click();
  await expect(form.getByRole("status")).toContainText(/Erased cus_[0-9a-f]{20}: \d+ events changed, vouched for by the erasure record at position \d+/);
  expect(asked).toContain("This cannot be undone");
  const row = page.getByRole("row").filter({ hasText: `erasure request ${tag}` });
  await expect(row).toContainText(/cus_[0-9a-f]{20}/);

  // The user id no longer finds them; their session keeps its id.
  const gone = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
  expect(gone.sessions ?? []).toEqual([]);

  const agent = await browser.newContext({ storageState: storageStateOf("agent") });
  const replay = await agent.newPage();
  await replay.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  await expect(replay.getByText("[erased]").first()).toBeVisible();
  const html = await replay.content();
  expect(html).not.toContain(email);
  expect(html).not.toContain(name);
  expect(html).not.toContain(user);
  await agent.close();

  // One verification at a time per server: another test's may be running, so this one tries again.
  await expect(async () => {
    const verify = await request.get("/api/integrity/verify", { headers: serviceAuth });
    expect(verify.status()).toBe(200);
    const result = (await verify.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .find((l) => l.result)!.result;
    expect(result.ok).toBe(true);
    expect(result.erasures.some((e: { message: string }) => /events? erased by the erasure record at position \d+/.test(e.message))).toBe(true);
  }).toPass({ timeout: 60_000 });
});

test.describe("as an agent", () => {
  test.use({ storageState: storageStateOf("agent") });
  test("the erasure page is for admins only", async ({ page }) => {
    const response = await page.goto("/admin/erasure");
    expect(response?.status()).toBe(403);
  });
});

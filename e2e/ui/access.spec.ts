import { expect, test, type APIRequestContext } from "@playwright/test";
import { maskValue } from "../../lib/privacy/mask";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { seedUserSession } from "../support/seed-session";
import { signedInAs, viewerIdOf } from "../support/signed-in";
import { E2E_USERS, storageStateOf } from "../support/users";

async function auditTypes(request: APIRequestContext, viewerId: string): Promise<string[]> {
  const response = await request.get(`/api/streams/${encodeURIComponent(`rewind/audit/${viewerId}`)}?limit=1000`, { headers: serviceAuth });
  return response.status() === 404 ? [] : (await response.json()).events.map((e: { type: string }) => e.type);
}

const registered = (user: string, tag: string) => [
  cloudEvent({
    id: `${tag}-r`,
    source: "/holidays/identity",
    type: "identity.user.registered",
    subject: `user/${user}`,
    userid: user,
    time: "2026-06-01T09:59:00Z",
    data: { name: "Petra Private", email: `${tag}@example.com`, phone: "+44 7700 900123" },
  }),
];

test.describe("signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a page asks for sign-in, a wrong password is refused, the right one goes back to the page", async ({ page }) => {
    await page.goto("/sessions");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsessions/);
    await page.getByLabel("Email").fill(E2E_USERS.analyst.email);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText("do not match");
    await page.getByLabel("Password").fill(E2E_USERS.analyst.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sessions$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/analytics$/);
    await expect(page.getByTestId("signed-in-as")).toContainText("analyst");
    const cookie = (await page.context().cookies()).find((c) => c.name.includes("session_token"))!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/sessions");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("as an analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("replays are masked with no way to reveal, customers and the raw store are closed", async ({ page, request }) => {
    const seeded = await seedUserSession(request, registered);
    await page.goto(`/sessions/${seeded.sessionId}`);
    await expect(page.getByRole("region", { name: "Player" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Reveal personal data/ })).toHaveCount(0);
    // Nothing on the page leads where the role may not go.
    await expect(page.getByRole("link", { name: "Export JSON" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: seeded.user })).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText("Petra Private");
    await expect(page.getByRole("navigation", { name: "Main" })).not.toContainText("Customers");
    expect((await page.goto(`/users/${seeded.user}`))!.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
    expect((await page.goto("/events"))!.status()).toBe(403);
  });
});

test.describe("as an agent", () => {
  test.use({ storageState: storageStateOf("agent") });

  test("a replay is one audit event however long it plays; revealing the session asks a reason and is one more", async ({ page, request, baseURL }) => {
    const seeded = await seedUserSession(request, registered);
    const viewer = await viewerIdOf(await signedInAs("agent", baseURL!));
    const before = await auditTypes(request, viewer);
    await page.goto(`/sessions/${seeded.sessionId}?at=0`);
    await expect(page.getByRole("region", { name: "Player" })).toHaveAttribute("data-loaded", "true");
    await expect(page.getByRole("region", { name: "Raw event" })).toContainText(maskValue("Petra Private"));
    await page.getByRole("button", { name: "Play" }).click();
    await page.waitForTimeout(2_500);
    const afterView = await auditTypes(request, viewer);
    expect(afterView.slice(before.length)).toEqual(["rewind.audit.replay.viewed"]);

    await page.getByRole("button", { name: /Reveal personal data/ }).click();
    await page.getByRole("button", { name: "Reveal this session" }).click();
    await expect(page.getByRole("form", { name: "Reveal this session" }).getByRole("alert")).toContainText("give a reason");
    await page.getByLabel("Reason (ticket reference)").fill("TICKET-1234");
    await page.getByRole("button", { name: "Reveal this session" }).click();
    await expect(page.getByText("Personal data revealed for this view")).toBeVisible();
    await page.getByRole("slider", { name: "Playhead" }).focus();
    await page.keyboard.press("Home");
    await expect(page.getByRole("region", { name: "Raw event" })).toContainText("Petra Private");
    const afterReveal = await auditTypes(request, viewer);
    expect(afterReveal.slice(afterView.length)).toEqual(["rewind.audit.session.revealed"]);
    const { events } = await (await request.get(`/api/streams/${encodeURIComponent(`rewind/audit/${viewer}`)}?limit=1000`, { headers: serviceAuth })).json();
    expect(events.at(-1).data).toMatchObject({ action: "session.revealed", reason: "TICKET-1234", customer: seeded.user, session: seeded.sessionId });

    // The reveal lasted for that view only.
    await page.reload();
    await expect(page.getByRole("region", { name: "Raw event" })).toContainText(maskValue("Petra Private"));
    await expect(page.locator("body")).not.toContainText("Petra Private");
  });
});

test.describe("as an admin", () => {
  test("invites a user who must choose their own password first, resets a forgotten one, and disables them", async ({ page, browser }) => {
    test.setTimeout(60_000);
    const email = `${uniqueTag("invited")}@e2e.test`;
    // Changes to who may look are on record, in the stream of whoever made them.
    const adminId = await viewerIdOf(page.request);
    const recorded = async (viewer: string, action: string) =>
      (await auditTypes(page.request, viewer)).filter((t) => t === `rewind.audit.dashboard-user.${action}`).length;
    const invitesBefore = await recorded(adminId, "invited");
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Invite" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Ivy Invited");
    await form.getByLabel("Role").selectOption("auditor");
    await form.getByRole("button", { name: "Invite" }).click();
    const password = (await page.getByTestId("secret").textContent())!.trim();
    expect(password.length).toBeGreaterThan(10);
    expect(await recorded(adminId, "invited")).toBe(invitesBefore + 1);

    const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const invited = await fresh.newPage();
    const signIn = async (secret: string) => {
      await invited.goto("/sign-in");
      await invited.getByLabel("Email").fill(email);
      await invited.getByLabel("Password").fill(secret);
      await invited.getByRole("button", { name: "Sign in" }).click();
    };
    // A temporary password opens the account page and nothing else.
    await signIn(password);
    await expect(invited).toHaveURL(/\/account$/);
    await expect(invited.getByRole("status")).toContainText("temporary password");
    await expect(invited.getByRole("navigation", { name: "Main" })).not.toContainText("Access log");
    await invited.goto("/access-log");
    await expect(invited).toHaveURL(/\/account$/);
    expect((await invited.request.get("/api/users?query=nobody-here")).status()).toBe(403);

    const change = invited.getByRole("form", { name: "Change password" });
    const fillIn = async (repeat: string) => {
      await change.getByLabel("Temporary password").fill(password);
      await change.getByRole("textbox", { name: /^New password/ }).fill("ivy-own-password");
      await change.getByLabel("Repeat the new password").fill(repeat);
      await change.getByRole("button", { name: "Change password" }).click();
    };
    await fillIn("ivy-own-passwrod");
    await expect(change.getByRole("alert")).toHaveText("Repeat: does not match the new password");
    // What was typed is still there: only the typo needs fixing.
    await expect(change.getByLabel("Temporary password")).toHaveValue(password);
    await change.getByLabel("Repeat the new password").fill("ivy-own-password");
    await change.getByRole("button", { name: "Change password" }).click();
    await expect(invited.getByTestId("signed-in-as")).toContainText("auditor");
    await expect(invited).not.toHaveURL(/\/account/);
    await expect(invited.getByRole("navigation", { name: "Main" })).toContainText("Access log");
    expect((await invited.request.get("/api/users?query=nobody-here")).status()).toBe(200);
    expect(await recorded(await viewerIdOf(invited.request), "password-changed")).toBe(1);

    // Changing it again, with the current password: this browser stays signed in and is told so.
    await invited.goto("/account");
    await change.getByLabel("Current password").fill("ivy-own-password");
    await change.getByRole("textbox", { name: /^New password/ }).fill("ivy-newer-password");
    await change.getByLabel("Repeat the new password").fill("ivy-newer-password");
    await change.getByRole("button", { name: "Change password" }).click();
    await expect(invited.getByRole("status")).toHaveText("Password changed. Your sign-ins in other browsers have ended.");
    await invited.goto("/access-log");
    await expect(invited.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(invited).toHaveURL(/\/access-log/);

    // Forgotten: the admin resets it; the user is signed out and the new temporary password works once more.
    await page.reload();
    const row = page.locator(`tr[data-email="${email}"]`);
    const resets = () => recorded(adminId, "password-reset");
    const resetsBefore = await resets();
    page.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: "Reset password" }).click();
    const reset = (await row.getByTestId("secret").textContent())!.trim();
    // Signed out by the reset: the sign-in page says why and remembers where they were going.
    await invited.goto("/access-log?customer=x");
    await expect(invited).toHaveURL(/\/sign-in\?ended=1&next=%2Faccess-log%3Fcustomer%3Dx$/);
    await expect(invited.getByRole("status")).toContainText("Your sign-in has ended");
    await signIn("ivy-newer-password");
    await expect(invited.getByRole("alert")).toBeVisible();
    await signIn(reset);
    await expect(invited).toHaveURL(/\/account$/);
    // Whoever resets a password could sign in as that user: the reset is on record.
    expect(await resets()).toBe(resetsBefore + 1);

    await page.reload();
    await expect(page.locator(`tr[data-email="${email}"]`)).toContainText("temporary password");
    page.once("dialog", (dialog) => dialog.accept());
    await page.locator(`tr[data-email="${email}"]`).getByRole("button", { name: "Disable" }).click();
    await expect(page.locator(`tr[data-email="${email}"]`)).toContainText("disabled");
    await invited.goto("/account");
    await expect(invited).toHaveURL(/\/sign-in/);
    await fresh.close();
  });

  test("a producer key is shown once, appends for its own source only, and stops when revoked", async ({ page, request }) => {
    const name = uniqueTag("payments-key");
    await page.goto("/admin/keys");
    const form = page.getByRole("form", { name: "Create key" });
    await form.getByLabel("Kind").selectOption("producer");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Source (producer keys)").fill("/holidays/payment");
    await form.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("secret").textContent())!.trim();
    const post = (source: string) =>
      request.post("/api/events", {
        headers: { Authorization: `Bearer ${key}`, "content-type": "application/cloudevents+json" },
        data: JSON.stringify(cloudEvent({ id: uniqueTag("k"), source })),
      });
    expect((await post("/holidays/payment")).status()).toBe(200);
    const foreign = await post("/holidays/booking");
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).error.details).toMatchObject({ index: 0, attribute: "source", allowed: "/holidays/payment" });
    expect((await request.get("/api/events?after=0&limit=1", { headers: { Authorization: `Bearer ${key}` } })).status()).toBe(403);

    await page.reload();
    await expect(page.getByRole("table", { name: "API keys" })).not.toContainText(key);
    // Revoking asks first: a cancelled dialog leaves the key working.
    const revoke = page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: "Revoke" });
    page.once("dialog", (dialog) => dialog.dismiss());
    await revoke.click();
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: name })).not.toContainText("revoked");
    // Its state, when it was made, and when it last appended: the accepted post above.
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("active");
    await expect(page.getByRole("row").filter({ hasText: name }).locator('[data-label="Last used"]')).toHaveText(/\d{2}:\d{2}.* UTC/);
    expect((await post("/holidays/payment")).status()).toBe(200);
    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain(name);
      return dialog.accept();
    });
    await revoke.click();
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("revoked");
    expect((await post("/holidays/payment")).status()).toBe(401);
  });

  test("the personal-data policy is edited on its page, applies at once and keeps its history", async ({ page, request }) => {
    const tag = uniqueTag("policy");
    const user = `usr-${tag}`;
    const type = `e2e.policy.${tag.replace(/[^a-z0-9]/g, "")}`;
    const nickname = `Shadowfax ${tag}`; // this run's own: the page must never show it once it is personal
    await appendBatch(request, [cloudEvent({ id: tag, type, subject: `policy/${tag}`, userid: user, data: { nickname, city: "Leeds" } })]);
    const read = async () => (await (await request.get(`/api/streams/${encodeURIComponent(`policy/${tag}`)}`, { headers: serviceAuth })).json()).events[0].data;
    expect(await read()).toEqual({ nickname, city: "Leeds" });

    await page.goto("/admin/policy");
    const editor = page.getByLabel("Policy (JSON)");
    const policy = JSON.parse(await editor.inputValue());
    await editor.fill(JSON.stringify({ ...policy, fields: { ...policy.fields, [type]: ["nickname"] } }, null, 2));
    await page.getByRole("button", { name: "Save a new version" }).click();
    await expect(page.getByRole("status")).toContainText(`${type}: + nickname`);
    await expect(page.getByRole("list", { name: "Policy history" })).toContainText(E2E_USERS.admin.email);
    // The newest version opens on its readable diff from the one before: the added path, marked added.
    const changes = page
      .getByRole("list", { name: "Policy history" })
      .getByRole("region", { name: /^Changes in v\d+$/ })
      .first();
    await expect(changes.locator('[data-diff="added"]', { hasText: '"nickname"' })).toHaveCount(1);
    await expect.poll(read, { timeout: 5_000 }).toEqual({ nickname: maskValue(nickname), city: "Leeds" });
    // The page previews what the version in force masks on the newest events: masked data only, never the raw value.
    await page.reload();
    await expect(page.getByRole("region", { name: "Policy preview" })).toContainText("on the newest events");
    expect(await page.content()).not.toContain(nickname);

    await editor.fill('{ "fields": { "x": ["a..b"] }, "patterns": [] }');
    await page.getByRole("button", { name: "Save a new version" }).click();
    await expect(page.getByRole("form", { name: "Save a new version" }).getByRole("alert")).toContainText("fields.x.0");

    // A pattern that backtracks catastrophically would freeze every read: refused, by its name.
    await editor.fill(JSON.stringify({ ...policy, patterns: [...policy.patterns, { name: "nested plus", regex: "(a+)+$" }] }));
    await page.getByRole("button", { name: "Save a new version" }).click();
    // The server runs the ReDoS checker on the pattern first, which can take seconds on a busy machine.
    await expect(page.getByRole("form", { name: "Save a new version" }).getByRole("alert")).toContainText(
      'pattern "nested plus" can backtrack catastrophically',
      { timeout: 20_000 },
    );
    await expect(page.getByRole("list", { name: "Policy history" }).getByRole("listitem").first()).not.toContainText("nested plus");
    // What was typed stays, to be mended rather than typed again.
    await expect(editor).toHaveValue(/nested plus/);

    // Put it back as it was, so other tests see the seeded policy.
    await editor.fill(JSON.stringify(policy, null, 2));
    await page.getByRole("button", { name: "Save a new version" }).click();
    await expect(page.getByRole("status")).toContainText(`${type}: − nickname`);
  });
});

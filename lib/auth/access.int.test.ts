import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { appendEvents } from "../eventstore/append";
import { readFeedBackward, type FeedFilter } from "../eventstore/read";
import { toAuditEvent, AUDIT_SOURCE, auditStream } from "../audit/audit-event";
import { policySchema } from "../privacy/policy";
import { policyHistory, readPolicy, savePolicy } from "../privacy/policy-store";
import { openStore } from "../db/prisma";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { createApiKey, identifyCaller, listApiKeys, revokeApiKey } from "./api-keys";
import { getAuth } from "./better-auth";
import { WrongPasswordError, changeOwnPassword, createDashboardUser, ensureFirstAdmin, resetPassword } from "./dashboard-users";
import { serverSecret } from "./server-secret";

/**
 * The sign-in limit refills at 10 a minute, one attempt every six seconds: on a loaded machine ten
 * scrypt checks take longer than that, and a refill would let one more through. The clock is held
 * still (Date only; timers and I/O run) so a test counts what the limit allows, not the machine's speed.
 */
function holdTheClock() {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
}

describe.each(testProviders())("access control on %s", (provider) => {
  afterEach(() => {
    vi.useRealTimers();
  });
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("creates the first admin from the environment once, and signs in with a scrypt-hashed password", async () => {
    expect(await ensureFirstAdmin(t.store, {})).toBeNull();
    expect(await ensureFirstAdmin(t.store, { REWIND_ADMIN_EMAIL: "Root@Rewind.test", REWIND_ADMIN_PASSWORD: "first-admin-password" })).toBe("Root@Rewind.test");
    expect(await ensureFirstAdmin(t.store, { REWIND_ADMIN_EMAIL: "other@rewind.test", REWIND_ADMIN_PASSWORD: "another-password" })).toBeNull();
    const admin = await t.store.db.dashboardUser.findUniqueOrThrow({ where: { email: "root@rewind.test" } });
    expect(admin.role).toBe("admin");
    const account = await t.store.db.authAccount.findFirstOrThrow({ where: { userId: admin.id } });
    expect(account.password).not.toContain("first-admin-password");
    expect(account.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/); // Better Auth's scrypt: salt:key

    const auth = await getAuth(t.store);
    // A new client address per attempt: the per-address limit is not what this test is about.
    let address = testProviders().indexOf(provider) * 100;
    const signIn = (password: string) =>
      auth.handler(
        new Request("http://rewind.test/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://rewind.test", "x-forwarded-for": `192.0.2.${++address}` },
          body: JSON.stringify({ email: "root@rewind.test", password }),
        }),
      );
    expect((await signIn("wrong-password!")).status).toBe(401);
    // Successful sign-ins do not count against the account; failures do.
    for (let i = 0; i < 12; i++) expect((await signIn("first-admin-password")).status).toBe(200);
    const ok = await signIn("first-admin-password");
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookie.split(";")[0]! }) });
    expect(session?.user).toMatchObject({ email: "root@rewind.test", role: "admin" });
  });

  it("locks an account for a while after ten failed sign-ins in a minute, whatever the address", async () => {
    holdTheClock();
    await createDashboardUser(t.store, { email: "target@rewind.test", password: "target-password-1", name: "Target", role: "agent" });
    const auth = await getAuth(t.store);
    const attempt = (password: string, i: number) =>
      auth.handler(
        new Request("http://rewind.test/api/auth/sign-in/email", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://rewind.test",
            "x-forwarded-for": `198.51.${100 + testProviders().indexOf(provider)}.${i}`,
          },
          body: JSON.stringify({ email: "target@rewind.test", password }),
        }),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt("wrong-password!", i)).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect((await attempt("target-password-1", 50)).status).toBe(429);
  });

  it("counts attempts across nodes: two servers on one database allow what one allows, per account and per address", async () => {
    holdTheClock();
    await createDashboardUser(t.store, { email: "two-nodes@rewind.test", password: "two-nodes-password", name: "Two nodes", role: "agent" });
    const otherNode = openStore(t.store.target);
    try {
      const nodes = [await getAuth(t.store), await getAuth(otherNode)];
      expect(nodes[0]).not.toBe(nodes[1]);
      const attempt = (i: number, email: string, address: string) =>
        nodes[i % 2]!.handler(
          new Request("http://rewind.test/api/auth/sign-in/email", {
            method: "POST",
            headers: { "content-type": "application/json", origin: "http://rewind.test", "x-forwarded-for": address },
            body: JSON.stringify({ email, password: "wrong-password!" }),
          }),
        );
      const net = `203.0.${113 + testProviders().indexOf(provider)}`;
      const perAccount: number[] = [];
      for (let i = 0; i < 11; i++) perAccount.push((await attempt(i, "two-nodes@rewind.test", `${net}.${i + 1}`)).status);
      expect(perAccount).toEqual([...Array(10).fill(401), 429]);
      // One address, a new account each time: 30 a minute (the default), then refused on either node.
      const perAddress: number[] = [];
      for (let i = 0; i < 31; i++) perAddress.push((await attempt(i, `spray-${i}@rewind.test`, `${net}.200`)).status);
      expect(perAddress).toEqual([...Array(30).fill(401), 429]);
    } finally {
      await otherNode.db.$disconnect();
    }
  });

  it("counts an attempt before checking it: of 25 parallel wrong passwords, at most 10 reach the check", async () => {
    holdTheClock();
    await createDashboardUser(t.store, { email: "parallel@rewind.test", password: "parallel-password-1", name: "Parallel", role: "agent" });
    const auth = await getAuth(t.store);
    const attempts = Array.from({ length: 25 }, (_, i) =>
      auth.handler(
        new Request("http://rewind.test/api/auth/sign-in/email", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://rewind.test",
            "x-forwarded-for": `198.18.${1 + testProviders().indexOf(provider)}.${i}`,
          },
          body: JSON.stringify({ email: "parallel@rewind.test", password: "wrong-password!" }),
        }),
      ),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    // 401 is a password checked and found wrong; 429 never reached the check.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  });

  it("a temporary password is changed by its holder, which ends their other sign-ins; an admin's reset makes a new one", async () => {
    const auth = await getAuth(t.store);
    let address = testProviders().indexOf(provider) * 100;
    const signIn = async (email: string, password: string) => {
      const response = await auth.handler(
        new Request("http://rewind.test/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://rewind.test", "x-forwarded-for": `203.0.113.${++address}` },
          body: JSON.stringify({ email, password }),
        }),
      );
      return { status: response.status, headers: new Headers({ cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]! }) };
    };
    const userOf = async (headers: Headers) => (await auth.api.getSession({ headers }))?.user ?? null;

    const invited = await createDashboardUser(
      t.store,
      { email: "new@rewind.test", password: "temporary-pass", name: "New", role: "analyst" },
      { temporaryPassword: true },
    );
    const first = await signIn("new@rewind.test", "temporary-pass");
    const second = await signIn("new@rewind.test", "temporary-pass");
    expect((await userOf(first.headers))?.mustChangePassword).toBe(true);

    await expect(changeOwnPassword(t.store, first.headers, invited.id, "not-the-password", "my-own-password-1")).rejects.toBeInstanceOf(WrongPasswordError);
    expect((await userOf(first.headers))?.mustChangePassword).toBe(true);
    const changed = await changeOwnPassword(t.store, first.headers, invited.id, "temporary-pass", "my-own-password-1");
    // The browser that changed it gets a new session cookie; every earlier sign-in is over.
    const fresh = new Headers({ cookie: changed.headers.get("set-cookie")!.split(";")[0]! });
    expect(await userOf(fresh)).toMatchObject({ email: "new@rewind.test", mustChangePassword: false });
    expect(await userOf(first.headers)).toBeNull();
    expect(await userOf(second.headers)).toBeNull();
    expect((await signIn("new@rewind.test", "temporary-pass")).status).toBe(401);
    expect((await signIn("new@rewind.test", "my-own-password-1")).status).toBe(200);

    const reset = await resetPassword(t.store, invited.id);
    expect(reset).toMatch(/^[\w-]{16}$/);
    expect(await userOf(fresh)).toBeNull();
    expect((await signIn("new@rewind.test", "my-own-password-1")).status).toBe(401);
    const again = await signIn("new@rewind.test", reset);
    expect((await userOf(again.headers))?.mustChangePassword).toBe(true);
  });

  it("refuses a second account with the same email", async () => {
    await createDashboardUser(t.store, { email: "agent@rewind.test", password: "agent-password-1", name: "Agent", role: "agent" });
    await expect(createDashboardUser(t.store, { email: "AGENT@rewind.test", password: "agent-password-2", name: "Agent 2", role: "agent" })).rejects.toThrow();
  });

  it("shares one generated secret between callers, unless the environment gives one", async () => {
    const a = await serverSecret(t.store, "test-secret", undefined);
    const b = await serverSecret(t.store, "test-secret", undefined);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(40);
    expect(await serverSecret(t.store, "test-secret", "from-env")).toBe("from-env");
  });

  it("binds producer keys to a source, lists them without the key and revokes them", async () => {
    const key = await createApiKey(t.store, "producer", "payments", { source: "/holidays/payment", createdBy: "root@rewind.test" });
    expect(await identifyCaller(t.store, `Bearer ${key}`, {})).toMatchObject({ kind: "producer", name: "payments", source: "/holidays/payment" });
    const listed = await listApiKeys(t.store);
    expect(JSON.stringify(listed)).not.toContain(key);
    const row = listed.find((k) => k.name === "payments")!;
    expect(row).toMatchObject({ source: "/holidays/payment", createdBy: "root@rewind.test", revokedAt: null });
    expect(await revokeApiKey(t.store, row.id)).toBe(true);
    expect(await revokeApiKey(t.store, row.id)).toBe(false);
    expect(await identifyCaller(t.store, `Bearer ${key}`, {})).toBeNull();
  });

  it("seeds the personal-data policy from its file once and keeps every version", async () => {
    const first = await readPolicy(t.store);
    expect(first.version).toBe(1);
    expect(first.changedBy).toMatch(/^seed/);
    expect(first.policy.fields["identity.user.registered"]).toEqual(["name", "email", "phone"]);
    const changed = policySchema.parse({ ...first.policy, fields: { ...first.policy.fields, "x.y": ["secret"] } });
    const second = await savePolicy(t.store, changed, "root@rewind.test");
    expect(second).toMatchObject({ version: 2, changedBy: "root@rewind.test", summary: "x.y: + secret" });
    expect((await readPolicy(t.store)).version).toBe(2);
    expect((await policyHistory(t.store)).map((v) => v.version)).toEqual([2, 1]);
  });

  it("finds audit events by customer viewed, by viewer and by time, with indexed filters", async () => {
    const viewer = { kind: "user" as const, id: "viewer-1", email: "a@rewind.test", name: "A", role: "agent" as const, signIn: "auth-1" };
    const other = { ...viewer, id: "viewer-2", email: "b@rewind.test" };
    await appendEvents(t.store, [
      toAuditEvent(viewer, { action: "customer.viewed", customer: "usr-1", target: "/users/usr-1" }, new Date("2026-11-01T10:00:00Z")),
      toAuditEvent(other, { action: "replay.viewed", customer: "usr-1", session: "s1", target: "/sessions/s1" }, new Date("2026-11-02T10:00:00Z")),
      toAuditEvent(viewer, { action: "customer.viewed", customer: "usr-2", target: "/users/usr-2" }, new Date("2026-11-03T10:00:00Z")),
    ]);
    const find = async (filter: FeedFilter) =>
      (await readFeedBackward(t.store, { limit: 100, filter: { source: AUDIT_SOURCE, ...filter } })).map((e) => `${e.type} ${e.userid}`);
    expect(await find({ userid: "usr-1" })).toEqual(["rewind.audit.replay.viewed usr-1", "rewind.audit.customer.viewed usr-1"]);
    expect(await find({ stream: auditStream("viewer-1") })).toEqual(["rewind.audit.customer.viewed usr-2", "rewind.audit.customer.viewed usr-1"]);
    expect(await find({ from: new Date("2026-11-02T00:00:00Z"), to: new Date("2026-11-03T00:00:00Z") })).toEqual(["rewind.audit.replay.viewed usr-1"]);
  });
});

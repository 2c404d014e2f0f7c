import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { getAuth } from "./better-auth";
import { createDashboardUser } from "./dashboard-users";

/** The sign-in cookie a browser at `origin` is given, and whether a session is read back from it. */
async function signInAt(t: TestStore, origin: string, address: string) {
  const request = new Request(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, "x-forwarded-for": address },
    body: JSON.stringify({ email: "cookie@rewind.test", password: "cookie-password-1" }),
  });
  const answer = await (await getAuth(t.store, request)).handler(request);
  expect(answer.status).toBe(200);
  const setCookie = answer.headers.get("set-cookie") ?? "";
  const headers = new Headers({ cookie: setCookie.split(";")[0] ?? "" });
  const session = await (await getAuth(t.store, { headers })).api.getSession({ headers });
  return { setCookie, email: session?.user.email };
}

describe.each(testProviders())("the sign-in cookie follows the scheme served, on %s", (provider) => {
  let t: TestStore;
  const n = testProviders().indexOf(provider);
  beforeAll(async () => {
    t = await createTestStore(provider);
    await createDashboardUser(t.store, { email: "cookie@rewind.test", password: "cookie-password-1", name: "Cookie", role: "agent" });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("plain http from another machine gets a cookie the browser keeps (no Secure, no __Secure- name)", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const { setCookie, email } = await signInAt(t, "http://192.0.2.2:3120", `203.0.113.${10 + n}`);
    expect(setCookie).toMatch(/^better-auth\.session_token=/);
    expect(setCookie).not.toMatch(/;\s*Secure/i);
    expect(email).toBe("cookie@rewind.test");
  });

  it("https gets a Secure, __Secure- cookie, and reads the session back from it", async () => {
    const { setCookie, email } = await signInAt(t, "https://rewind.example", `203.0.113.${20 + n}`);
    expect(setCookie).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(email).toBe("cookie@rewind.test");
  });

  it("an https REWIND_PUBLIC_URL keeps cookies Secure even for a request that arrives as http", async () => {
    vi.stubEnv("REWIND_PUBLIC_URL", "https://rewind.example");
    const { setCookie, email } = await signInAt(t, "http://rewind.example", `203.0.113.${30 + n}`);
    expect(setCookie).toMatch(/^__Secure-better-auth\.session_token=.*;\s*Secure/i);
    expect(email).toBe("cookie@rewind.test");
  });
});

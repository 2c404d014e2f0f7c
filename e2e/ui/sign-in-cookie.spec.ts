import { chromium, expect, test, type Browser } from "@playwright/test";
import { E2E_BASE_URL } from "../../playwright.config";
import { E2E_USERS } from "../support/users";

/**
 * A browser drops a Secure cookie sent over plain http from any host but localhost: the sign-in
 * cookie follows the scheme served (lib/auth/secure-cookies.ts), and when a browser still keeps no
 * cookie the form says so instead of reloading silently.
 */
test.use({ storageState: { cookies: [], origins: [] } });

/** A name that is not localhost: Chromium keeps no Secure cookie from it over http, as from another machine. */
const DEMO_HOST = "rewind-demo.test";

async function signInAt(browser: Browser, origin: string) {
  const context = await browser.newContext({ baseURL: origin, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_USERS.agent.email);
  await page.getByLabel("Password").fill(E2E_USERS.agent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return { context, page };
}

test("signs in over plain http at 127.0.0.1, with a cookie that is not Secure", async ({ browser }) => {
  const { context, page } = await signInAt(browser, E2E_BASE_URL);
  await expect(page).not.toHaveURL(/\/sign-in/);
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === "better-auth.session_token")?.secure).toBe(false);
  expect(cookies.some((c) => c.name.startsWith("__Secure-"))).toBe(false);
  await context.close();
});

test("signs in over plain http by a host name that is not localhost, as from another machine", async () => {
  // The e2e server listens on 127.0.0.1 only: the browser resolves the name there.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", `--host-resolver-rules=MAP ${DEMO_HOST} 127.0.0.1`],
  });
  const { page } = await signInAt(browser, E2E_BASE_URL.replace("127.0.0.1", DEMO_HOST));
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("signed-in-as")).toContainText("agent");
  await browser.close();
});

test("says why when the browser kept no sign-in cookie, instead of reloading the form", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  // The answer reaches the page without its Set-Cookie: what a browser refusing the cookie sees.
  await page.route("**/api/auth/sign-in/email", async (route) => {
    const response = await route.fetch();
    await context.clearCookies(); // route.fetch stored it in the context's jar
    const headers = { ...response.headers() };
    delete headers["set-cookie"];
    await route.fulfill({ response, headers });
  });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_USERS.agent.email);
  await page.getByLabel("Password").fill(E2E_USERS.agent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");
  await expect(alert).toContainText("your browser refused the sign-in cookie");
  await expect(alert).toContainText("http://localhost");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

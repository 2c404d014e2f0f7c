import { defineConfig } from "@playwright/test";
import { storageStateOf } from "./e2e/support/users";
import { REWIND_CONTINUE_TEMPLATE } from "./lib/resume/settings";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** Known to the tests so they can forge validly signed tokens (expired, another user's). */
export const E2E_RESUME_SECRET = "e2e-resume-secret-0123456789abcdef";
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;
/** Continue lands on Rewind's own page, as in the demo. */
export const E2E_RESUME_TEMPLATE = REWIND_CONTINUE_TEMPLATE;
/** Whom a refused link says to ask: set for the suite, so the page is seen to read it at run time. */
export const E2E_RESUME_CONTACT = "Holidays customer care: care@holidays.example or +44 20 7946 0000";
export const E2E_KEYS = {
  ingest: "e2e-producer-key-0123456789abcdef",
  api: "e2e-service-key-0123456789abcdef",
  /** REWIND_METRICS_TOKEN: Prometheus's bearer token for GET /api/metrics */
  metrics: "e2e-metrics-token-0123456789abcdef",
};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: "setup/*.setup.ts" },
    { name: "api", testMatch: "api/**/*.spec.ts", dependencies: ["setup"] },
    // Pages open signed in as an admin (every permission) unless a test picks another role.
    { name: "ui", testMatch: "ui/**/*.spec.ts", dependencies: ["setup"], use: { storageState: storageStateOf("admin") } },
  ],
  webServer: {
    // A fresh SQLite store for every run; scripts/e2e-server.ts migrates it and starts `next start`.
    command: `node_modules/.bin/tsx scripts/e2e-server.ts`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 90_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e-store/rewind.db",
      REWIND_INGEST_KEY: E2E_KEYS.ingest,
      REWIND_API_KEY: E2E_KEYS.api,
      REWIND_METRICS_TOKEN: E2E_KEYS.metrics,
      // Low enough for a test to reach with a key of its own, high enough for every other test.
      REWIND_INGEST_EVENTS_PER_SECOND: "2000",
      REWIND_INGEST_BURST: "8000",
      // High enough for the suite's own sign-ins; the rate-limit test signs in as one account.
      REWIND_SIGN_IN_ATTEMPTS_PER_MINUTE: "10",
      REWIND_SIGN_IN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: "10",
      // Customer searches per viewer: room for the suite's polling with the shared key; the
      // rate-limit test takes a key of its own past the burst.
      REWIND_USER_SEARCHES_PER_MINUTE: "600",
      REWIND_USER_SEARCH_BURST: "60",
      // The tests play clients behind a proxy on this machine: their X-Forwarded-For is believed.
      REWIND_TRUSTED_PROXIES: "127.0.0.1,::1",
      // Webhook receivers the alert tests run on this machine (e2e/ui/admin-alerts.spec.ts).
      REWIND_WEBHOOK_ALLOW: "127.0.0.1",
      REWIND_RESUME_SECRET: E2E_RESUME_SECRET,
      REWIND_RESUME_URL_TEMPLATE: E2E_RESUME_TEMPLATE,
      REWIND_RESUME_CONTACT: E2E_RESUME_CONTACT,
      // Small what-if pages: a job over the small e2e store runs long enough to be seen running (progress, 409, cancel).
      REWIND_WHAT_IF_PAGE: "50",
      // The server's own daily purge would race the retention spec's "Run now" (its first pass comes a minute after start).
      REWIND_RETENTION: "off",
      // Archives of the purges the tests run: with the store, so each run starts without them.
      REWIND_ARCHIVE_DIR: "test-results/e2e-store/archive",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

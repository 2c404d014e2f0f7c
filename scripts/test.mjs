// `npm test`: the linter (scripts/lint.mjs, counted as one test), unit and integration tests
// (vitest: SQLite always, PostgreSQL when TEST_DATABASE_URL is set), a production build, then
// Playwright (API and UI) in Chromium. Ends with one line, `N passed, N failed, N skipped`, from
// the runners' real counts (CI reads its `N passed, N failed` prefix).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";

const root = join(import.meta.dirname, "..");
const results = join(root, "test-results");
const bin = (name) => join(root, "node_modules/.bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(command, args, extraEnv = {}) {
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium (apt-get install -y chromium)…");
    if (run("apt-get", ["install", "-y", "-qq", "chromium"]) !== 0) {
      run("apt-get", ["update", "-qq"]);
      run("apt-get", ["install", "-y", "-qq", "chromium"]);
    }
    if (existsSync(path)) return true;
  }
  console.error(
    `No Chromium at ${path}. The e2e tests need one: as root run \`apt-get update && apt-get install -y chromium\`, ` +
      "or set CHROMIUM_PATH to a Chromium binary. (`npx playwright install` cannot download browsers here.)",
  );
  return false;
}

/** Titles of the Playwright tests that did not end as expected (failed, or passed only on retry). */
function playwrightFailures(report) {
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "unexpected" || test.status === "flaky") {
          out.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")} (${test.status})`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return out;
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
// Named again at the very end, where CI's tail of the output shows them.
const failures = [];

if (run(process.execPath, [join(root, "scripts/lint.mjs")]) === 0) {
  passed += 1;
} else {
  failed += 1;
  failures.push("lint: npm run lint found problems (see above)");
}

if (!process.env.TEST_DATABASE_URL) {
  console.log("TEST_DATABASE_URL is not set: the PostgreSQL integration tests are skipped (SQLite runs).");
}
// The trivago samples are not ours to commit (docs/decisions.md, "Real data beside the repo,
// fixtures in it"): without them their tests are skipped and this says which, once; with
// REWIND_REALDATA_REQUIRED=1 (CI) those tests fail instead (lib/testing/realdata.ts).
const realData = process.env.REWIND_REALDATA ?? join(root, "..", "shared", "realdata");
if (!existsSync(join(realData, "README.md")) && process.env.REWIND_REALDATA_REQUIRED !== "1") {
  const found = spawnSync("git", ["grep", "-l", "realDataSkipped", "--", "*.test.ts"], { cwd: root, encoding: "utf8" });
  const files = (found.stdout ?? "").split("\n").filter(Boolean);
  console.log(
    `No real data at ${realData} (../shared/realdata or REWIND_REALDATA): skipping the trivago tests in ${files.join(", ") || "lib/"}` +
      " (no public licence, so not in the repository).",
  );
}
/** One vitest run, its counts added to the totals; `label` names it among the failures. */
function runVitest(label, args, extraEnv = {}) {
  const json = join(results, `${label}.json`);
  const status = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${json}`, ...args], extraEnv);
  const report = existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : null;
  passed += report?.numPassedTests ?? 0;
  failed += report?.numFailedTests ?? 0;
  skipped += (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
  // A run that failed without a failing test (a file that did not load, an unhandled error) still fails.
  if (status !== 0 && (report?.numFailedTests ?? 0) === 0) {
    failed += 1;
    failures.push(`${label}: vitest exited with an error outside any test (see above)`);
  }
  for (const file of report?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== "failed") continue;
      // Its first lines of error too: CI may show only the tail of the log, and this summary is there.
      const why = stripVTControlCharacters(String(test.failureMessages?.[0] ?? ""))
        .split("\n")
        .slice(0, 3)
        .join(" / ")
        .slice(0, 400);
      failures.push(`${label}: ${file.name.replace(`${root}/`, "")} › ${test.fullName}${why ? `\n      ${why}` : ""}`);
    }
  }
}

runVitest("vitest", []);
// With a streaming replica of the TEST_DATABASE_URL server (.ci/run starts one), the PostgreSQL
// integration tests that read run once more with every read outside a transaction answered by the
// replica (lib/testing/replica-reads.ts): what pages and read APIs do with DATABASE_READ_URL set.
const READ_TESTS = ["lib/analytics", "lib/search", "lib/sessions", "lib/segments", "lib/eventstore", "lib/resume", "lib/notes"];
if (process.env.TEST_DATABASE_URL && process.env.TEST_DATABASE_READ_URL) {
  console.log(`\nThe PostgreSQL integration tests that read, again with reads on the replica: ${READ_TESTS.join(", ")}`);
  runVitest("reads-on-replica", ["--project", "integration", ...READ_TESTS], { TEST_READS_ON_REPLICA: process.env.TEST_DATABASE_READ_URL });
} else if (process.env.TEST_DATABASE_URL) {
  console.log("TEST_DATABASE_READ_URL is not set: the integration tests are not run again with reads on a replica.");
}
// Through PgBouncer in transaction mode (.ci/run starts one in front of its server): the tests of
// appends racing, leases, shared limits, integrity and erasure, with every transaction on whichever
// server connection the pooler gives it (docs/deploy.md, "PgBouncer").
const POOLED_TESTS = ["lib/eventstore", "lib/db", "lib/auth/access.int.test.ts", "lib/integrity", "lib/erasure", "lib/what-if"];
if (process.env.TEST_PGBOUNCER_URL) {
  console.log(`\nThe PostgreSQL integration tests again through PgBouncer (transaction mode): ${POOLED_TESTS.join(", ")}`);
  runVitest("through-pgbouncer", ["--project", "integration", ...POOLED_TESTS], {
    TEST_DATABASE_URL: process.env.TEST_PGBOUNCER_URL,
    TEST_THROUGH_PGBOUNCER: "1",
    TEST_DATABASE_READ_URL: "",
  });
} else if (process.env.TEST_DATABASE_URL) {
  console.log("TEST_PGBOUNCER_URL is not set: the integration tests are not run again through PgBouncer.");
}

if (!ensureChromium()) {
  failed += 1;
  failures.push("no Chromium: the e2e tests cannot run (see above)");
} else if (run(bin("next"), ["build"]) !== 0) {
  console.error("next build failed: the e2e tests cannot run");
  failed += 1;
  failures.push("next build failed: the e2e tests cannot run (see above)");
} else {
  const playwrightJson = join(results, "playwright.json");
  run(bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  if (existsSync(playwrightJson)) {
    const report = JSON.parse(readFileSync(playwrightJson, "utf8"));
    const { stats, errors } = report;
    passed += stats.expected;
    skipped += stats.skipped;
    failed += stats.unexpected + stats.flaky + (errors?.length ?? 0);
    failures.push(...playwrightFailures(report));
    for (const error of errors ?? []) failures.push(`playwright: ${error.message?.split("\n")[0]}`);
  } else {
    failed += 1;
    failures.push("playwright wrote no report (see above)");
  }
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);

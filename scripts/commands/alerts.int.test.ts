import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openStore } from "../../lib/db/prisma";
import { createTestStore, testProviders, type TestStore } from "../../lib/testing/test-stores";
import { runAlerts } from "./alerts";

/** What a command printed, every console.log line joined. */
async function printed(args: string[]): Promise<string> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await runAlerts(args);
    return log.mock.calls.map((c) => String(c[0])).join("\n");
  } finally {
    log.mockRestore();
  }
}

describe.each(testProviders())("npm run rewind -- alerts (%s)", (provider) => {
  let t: TestStore;
  const previousUrl = process.env.DATABASE_URL;
  const previousAllow = process.env.REWIND_WEBHOOK_ALLOW;
  beforeAll(async () => {
    t = await createTestStore(provider);
    process.env.DATABASE_URL = t.target.url;
    process.env.REWIND_WEBHOOK_ALLOW = "127.0.0.1";
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    process.env.REWIND_WEBHOOK_ALLOW = previousAllow;
    await t.dispose();
  });

  let id = "";
  let secret = "";
  it("create prints the rule id, and the secret once on a line of its own starting secret:", async () => {
    const out = await printed([
      "create",
      "--name",
      "Stuck at pricing",
      "--journey",
      "holiday-booking",
      "--step",
      "priced",
      "--drop-reason",
      "timed_out",
      "--after",
      "30",
      "--webhook",
      "http://127.0.0.1:9/hook",
    ]);
    id = /alr_[0-9a-f]{16}/.exec(out)![0];
    const lines = out.split("\n");
    expect(lines[0]).toBe(`Created alert rule "Stuck at pricing": ${id}`);
    expect(lines[1]).toMatch(/^secret: rws_[A-Za-z0-9_-]{43}$/);
    secret = lines[1]!.slice("secret: ".length);
    const store = openStore(t.target);
    const rule = await store.db.alertRule.findUniqueOrThrow({ where: { id } });
    await store.db.$disconnect();
    expect(rule).toMatchObject({ name: "Stuck at pricing", journey: "holiday-booking", step: "priced", dropReason: "timed_out", afterMinutes: 30, secret });
  });

  it("list shows the rule without its secret", async () => {
    const out = await printed(["list"]);
    expect(out).toContain(`${id}  Stuck at pricing  holiday-booking stopped at priced (timed_out) for 30 min  webhook http://127.0.0.1:9/hook  fired 0`);
    expect(out).not.toContain(secret);
  });

  it("rotate-secret prints a new secret once", async () => {
    const out = await printed(["rotate-secret", id]);
    const line = out.split("\n").find((l) => l.startsWith("secret: "))!;
    expect(line).toMatch(/^secret: rws_/);
    expect(line).not.toBe(`secret: ${secret}`);
  });

  it("delete removes it; another delete says there is none", async () => {
    expect(await printed(["delete", id])).toContain(`Deleted alert rule ${id}`);
    expect(await printed(["list"])).toBe("No alert rules.");
    await expect(runAlerts(["delete", id])).rejects.toThrow(`no alert rule ${id}`);
  });

  it.each([
    [["create", "--name", "x", "--journey", "holiday-booking", "--step", "priced"], "--after is required"],
    [["create", "--name", "x", "--journey", "holiday-booking", "--step", "priced", "--after", "soon"], "--after: must be a whole number of minutes"],
    [["create", "--name", "x", "--journey", "nope", "--step", "priced", "--after", "5"], '--journey: "nope" is not a journey'],
    [["create", "--name", "x", "--journey", "holiday-booking", "--step", "nope", "--after", "5"], '--step: "nope" is not a step of holiday-booking'],
    [["create", "--name", "x", "--journey", "holiday-booking", "--step", "priced", "--drop-reason", "bored", "--after", "5"], '--drop-reason: "bored"'],
    [
      ["create", "--name", "x", "--journey", "holiday-booking", "--step", "priced", "--after", "5", "--webhook", "http://hooks.example/x"],
      "--webhook: must be https://",
    ],
    [["rotate-secret", "alr_0000"], "no alert rule alr_0000"],
    [["frobnicate"], "usage: alerts create"],
  ])("refuses %j naming what is wrong, writing nothing", async (args, message) => {
    await expect(runAlerts(args)).rejects.toThrow(message);
    const store = openStore(t.target);
    expect(await store.db.alertRule.count()).toBe(0);
    await store.db.$disconnect();
  });
});

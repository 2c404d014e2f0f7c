import { parseArgs } from "node:util";
import { createAlertRule, deleteAlertRule, listAlertRules, rotateAlertSecret } from "../../lib/alerts/alert-rules";
import { alertRuleInputSchema, alertRuleProblem } from "../../lib/alerts/rule-input";
import { webhookAllowList } from "../../lib/alerts/webhook-guard";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore, type Store } from "../../lib/db/prisma";
import { liveCatalogOf } from "../../lib/journey-store/live-catalog";

const USAGE = [
  "usage: alerts create --name <n> --journey <j> --step <key> [--drop-reason <key>] --after <minutes> [--webhook <url>]",
  "       alerts list | alerts delete <id> | alerts rotate-secret <id>",
].join("\n");

const OPTIONS = {
  name: { type: "string" },
  journey: { type: "string" },
  step: { type: "string" },
  "drop-reason": { type: "string" },
  after: { type: "string" },
  webhook: { type: "string" },
} as const;

async function withStore<T>(run: (store: Store) => Promise<T>): Promise<T> {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    return await run(store);
  } finally {
    await store.db.$disconnect();
  }
}

async function create(values: Record<string, string | undefined>): Promise<void> {
  for (const required of ["name", "journey", "step", "after"]) if (values[required] === undefined) throw new Error(`--${required} is required\n${USAGE}`);
  const input = alertRuleInputSchema.safeParse({
    name: values.name,
    journey: values.journey,
    step: values.step,
    dropReason: values["drop-reason"],
    afterMinutes: values.after,
    webhookUrl: values.webhook,
  });
  const flag: Record<string, string> = { afterMinutes: "--after", webhookUrl: "--webhook", dropReason: "--drop-reason" };
  if (!input.success) throw new Error(input.error.issues.map((i) => `${flag[String(i.path[0])] ?? `--${String(i.path[0])}`}: ${i.message}`).join("; "));
  await withStore(async (store) => {
    const problem = alertRuleProblem(input.data, await liveCatalogOf(store), webhookAllowList());
    if (problem) throw new Error(`--${problem.replace(/^drop reason:/, "drop-reason:")}`);
    const rule = await createAlertRule(store, input.data, "cli");
    // The secret on a line of its own, once: it is what the receiver checks Rewind-Signature with.
    console.log(`Created alert rule "${input.data.name}": ${rule.id}\nsecret: ${rule.secret}`);
  });
}

async function list(): Promise<void> {
  const rules = await withStore(listAlertRules);
  if (rules.length === 0) return console.log("No alert rules.");
  for (const r of rules) {
    const reason = r.dropReason ? ` (${r.dropReason})` : "";
    console.log(
      `${r.id}  ${r.name}  ${r.journey} stopped at ${r.step}${reason} for ${r.afterMinutes} min  ` +
        `webhook ${r.webhookUrl ?? "none"}  fired ${r.fired}  created ${r.createdAt.toISOString()} by ${r.createdBy}`,
    );
  }
}

export async function runAlerts(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const [action, id, ...extra] = positionals;
  if (action === "create" && id === undefined) return create(values);
  if (action === "list" && id === undefined) return list();
  if ((action === "delete" || action === "rotate-secret") && id && extra.length === 0) {
    return withStore(async (store) => {
      if (action === "delete") {
        if (!(await deleteAlertRule(store, id))) throw new Error(`no alert rule ${id}`);
        console.log(`Deleted alert rule ${id} (its alerts and their deliveries with it)`);
        return;
      }
      const secret = await rotateAlertSecret(store, id);
      if (!secret) throw new Error(`no alert rule ${id}`);
      console.log(`New secret for alert rule ${id}; every delivery from now on is signed with it.\nsecret: ${secret}`);
    });
  }
  throw new Error(USAGE);
}

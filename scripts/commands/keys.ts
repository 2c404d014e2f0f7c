import { parseArgs } from "node:util";
import { createApiKey } from "../../lib/auth/api-keys";
import { typedKeyPermissionsSchema } from "../../lib/auth/key-permissions";
import { typedKeyTypesSchema } from "../../lib/auth/key-scope";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";

const USAGE =
  "usage: keys create <producer|service> <name> [--source <CloudEvents source a producer key appends for>] " +
  "[--types '<type pattern>,…' (e.g. 'search.*,offers.offer.viewed')] " +
  "[--permissions '<read>,…' (a service key's reads, e.g. 'analytics.view,sessions.replay'; default: every read)]";

export async function runKeys(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { source: { type: "string" }, types: { type: "string" }, permissions: { type: "string" } },
  });
  const [action, kind, name] = positionals;
  if (action !== "create" || (kind !== "producer" && kind !== "service") || !name) throw new Error(USAGE);
  if (values.source?.startsWith("rewind/")) throw new Error('--source: "rewind/" is reserved for Rewind\'s own events');
  if (values.types !== undefined && kind !== "producer") throw new Error("--types: only a producer key appends, so only a producer key has types");
  const types = typedKeyTypesSchema.safeParse(values.types ?? "");
  if (!types.success) throw new Error(`--types: ${types.error.issues.map((i) => i.message).join("; ")}`);
  if (values.types !== undefined && types.data === null) throw new Error("--types: give at least one type pattern, or leave --types out for any type");
  if (values.permissions !== undefined && kind !== "service")
    throw new Error("--permissions: a producer key only appends; permissions are a service key's reads");
  const permissions = typedKeyPermissionsSchema.safeParse(values.permissions ?? "");
  if (!permissions.success) throw new Error(`--permissions: ${permissions.error.issues.map((i) => i.message).join("; ")}`);
  if (values.permissions !== undefined && permissions.data === null)
    throw new Error("--permissions: name at least one, or leave --permissions out for every read");
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    const key = await createApiKey(store, kind, name, { source: values.source ?? null, types: types.data, permissions: permissions.data, createdBy: "cli" });
    const scope = types.data ? ` (types ${types.data.join(", ")})` : permissions.data ? ` (reads ${permissions.data.join(", ")})` : "";
    console.log(`Created ${kind} key "${name}"${scope}. It is shown only now; store it safely:\n${key}`);
  } finally {
    await store.db.$disconnect();
  }
}

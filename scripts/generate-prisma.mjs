// Writes the provider-specific schemas from the template and generates both Prisma clients.
// Runs on `npm install` (postinstall). PRISMA_SCHEMA_ENGINE_BINARY is set here because
// `prisma generate` never runs the schema engine but otherwise tries to download it, which
// fails on a machine without internet access (docs/decisions.md, "Two generated Prisma clients").
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const template = readFileSync(join(root, "prisma/schema.template.prisma"), "utf8");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/true",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

for (const provider of ["sqlite", "postgresql"]) {
  const schemaPath = join(root, "prisma/generated", `${provider}.prisma`);
  mkdirSync(dirname(schemaPath), { recursive: true });
  writeFileSync(schemaPath, template.replaceAll("__PROVIDER__", provider));
  execFileSync(join(root, "node_modules/.bin/prisma"), ["generate", "--schema", schemaPath, "--no-hints"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
console.log("Prisma clients generated for sqlite and postgresql");

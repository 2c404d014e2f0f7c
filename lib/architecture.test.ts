import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cruise, type ICruiseResult, type IForbiddenRuleType } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The architecture's rules, checked on every `npm test`: dependencies point downward (pages and
 * routes in app/ over components/ over lib/; the simulator is a producer of test and demo data,
 * never a dependency of the product), nothing imports in a circle, files stay small, the SQL
 * dialect is chosen in lib/db/ only, and no file sends its reader outside the repository. Each
 * failure names the files that break the rule.
 */
const root = join(__dirname, "..");

const CODE = /\.(ts|tsx|mts|cts|mjs|cjs)$/;
const TEST = /\.(test|spec)\.tsx?$/;

/** Every file the repository holds or is about to (tracked, or new and not ignored), as git names it. */
function repoFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  return [...new Set(out.split("\0"))].filter((file) => file !== "" && existsSync(join(root, file)));
}

function offenders(files: string[], test: (text: string, file: string) => boolean): string[] {
  return files.filter((file) => test(readFileSync(join(root, file), "utf8"), file));
}

const rules: IForbiddenRuleType[] = [
  {
    name: "no-circular",
    comment: "an import cycle (type-only imports count: they tie the modules' design together just the same)",
    from: { path: "^(lib|components|app|scripts)/" },
    to: { circular: true },
  },
  {
    name: "no-app-from-components-or-lib",
    comment: "app/ is routing: pages and route handlers use components and lib, never the other way",
    from: { path: "^(components|lib)/" },
    to: { path: "^app/" },
  },
  {
    name: "lib-not-ui",
    comment: "lib/ is the domain and the data layer: it never imports React components or pages",
    from: { path: "^lib/" },
    to: { path: "^(components|app)/" },
  },
  {
    // The product's own code (lib/, components/, app/) never depends on the simulator: the booking
    // journey owns its vocabulary (lib/journeys/booking/booking-events.ts). Tests may use the
    // simulator to make a world, and so may scripts/ (the `rewind simulate` and demo commands) and bench/.
    name: "no-simulate-in-product",
    comment: "only tests, scripts and the simulator itself import lib/simulate",
    from: { path: "^(lib|components|app)/", pathNot: ["^lib/simulate/", "\\.(test|spec)\\.tsx?$"] },
    to: { path: "^lib/simulate/" },
  },
  {
    name: "resolvable",
    comment: "an import the cruiser could not resolve would slip past every rule above",
    from: { path: "^(lib|components|app|scripts)/" },
    to: { couldNotResolve: true },
  },
];

describe("architecture", () => {
  let cruised: ICruiseResult;

  beforeAll(async () => {
    const tsConfig = join(root, "tsconfig.json");
    const result = await cruise(
      ["lib", "components", "app", "scripts"],
      {
        baseDir: root,
        validate: true,
        ruleSet: { forbidden: rules },
        tsConfig: { fileName: tsConfig },
        // type-only imports are dependencies too (the rollup-store / projection-store cycle was one)
        tsPreCompilationDeps: true,
        doNotFollow: { path: ["node_modules"] },
        exclude: { path: ["^lib/generated/", "^\\.next/"] },
        // resolve packages as Node and the bundler do, through their "exports" (better-auth/api, csv-parse/sync)
        enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
      },
      {},
      { tsConfig: extractTSConfig(tsConfig) },
    );
    cruised = result.output as ICruiseResult;
  }, 120_000);

  /** The violations of one rule, one line each: `from → to`, or the whole cycle. */
  function violations(rule: string): string[] {
    return cruised.summary.violations
      .filter((v) => v.rule.name === rule)
      .map((v) => (v.cycle ? `${v.from} → ${v.cycle.map((step) => step.name).join(" → ")}` : `${v.from} → ${v.to}`));
  }

  it("reads the whole tree and resolves the @/ alias (or every rule below would pass on nothing)", () => {
    const sources = cruised.modules.map((m) => m.source);
    expect(sources.filter((s) => s.startsWith("lib/")).length).toBeGreaterThan(100);
    expect(sources.filter((s) => s.startsWith("app/")).length).toBeGreaterThan(20);
    const fromApp = cruised.modules.filter((m) => m.source.startsWith("app/")).flatMap((m) => m.dependencies);
    expect(fromApp.some((d) => d.module.startsWith("@/lib/") && d.resolved.startsWith("lib/"))).toBe(true);
    expect(violations("resolvable"), "imports that resolve to nothing").toEqual([]);
  });

  it("has no import cycle among lib/, components/, app/ and scripts/", () => {
    expect(violations("no-circular"), "import cycles").toEqual([]);
  });

  it("never imports app/ from components/ or lib/", () => {
    expect(violations("no-app-from-components-or-lib"), "imports of app/").toEqual([]);
  });

  it("never imports components/ or app/ from lib/", () => {
    expect(violations("lib-not-ui"), "lib/ importing the UI").toEqual([]);
  });

  it("never imports lib/simulate from the product (lib/ outside the simulator, components/, app/) except in tests", () => {
    expect(violations("no-simulate-in-product"), "the product importing the simulator").toEqual([]);
  });
});

describe("repository rules", () => {
  const files = repoFiles();

  it("keeps every file at 300 lines or fewer (code, styles and docs; generated clients and lockfiles aside)", () => {
    const checked = files.filter(
      (f) =>
        /\.(ts|tsx|mts|cts|mjs|cjs|css|md)$/.test(f) && !f.startsWith("lib/generated/") && !/(^|\/)(package-lock\.json|pnpm-lock\.yaml|yarn\.lock)$/.test(f),
    );
    expect(checked.length).toBeGreaterThan(100);
    const long = checked
      .map((file) => ({ file, lines: readFileSync(join(root, file), "utf8").split("\n").length - 1 }))
      .filter(({ lines }) => lines > 300)
      .map(({ file, lines }) => `${file} (${lines} lines)`);
    expect(long, "files over 300 lines").toEqual([]);
  });

  /**
   * The SQL dialect is chosen in lib/db/ only: nowhere else in the product's code (lib/, app/,
   * components/) does a branch ask which provider it runs on. Tests and their support
   * (lib/testing/, e2e/) may, to set up or expect per provider, and so may scripts/ and bench/,
   * whose few such branches pick where the store lives (a file to delete, a path to print), not SQL.
   */
  it("asks which provider it runs on only in lib/db/", () => {
    const product = files.filter((f) => /^(lib|app|components)\//.test(f) && CODE.test(f) && !TEST.test(f) && !/^lib\/(db|testing|generated)\//.test(f));
    const askingProvider = /provider\s*[!=]==?|["'](sqlite|postgresql)["']\s*[!=]==?\s*[\w.]*provider\b/;
    expect(
      offenders(product, (text) => askingProvider.test(text)),
      "provider branches outside lib/db/",
    ).toEqual([]);
  });

  /**
   * One CSV writer (lib/csv/csv.ts), so every export has its formula guard: a quote doubled by hand
   * (`replaceAll('"', '""')`, the mark of a CSV cell written anew) appears nowhere else.
   */
  it("writes CSV only through lib/csv", () => {
    const product = files.filter((f) => CODE.test(f) && !TEST.test(f) && !/^lib\/(csv|generated)\//.test(f));
    const doublesQuotes = /replace(All)?\(\s*(\/"\/g|'"'|"\\"")\s*,\s*('""'|"\\"\\""|`""`)/;
    expect(
      offenders(product, (text) => doublesQuotes.test(text)),
      "CSV quoting outside lib/csv",
    ).toEqual([]);
  });

  /**
   * Reasons live in the repository (docs/decisions.md): no code or comment cites STACK.md, PRODUCT.md or
   * STYLE.md, which a clone does not have. `../shared` is named only where the real-data folder beside the clone is
   * looked for: lib/testing/realdata.ts (the tests' one place), scripts/test.mjs (the skip line)
   * and .ci/ (CI, which always has it beside the clone). Docs (*.md) may say where real data goes.
   */
  it("cites nothing outside the repository from code or comments", () => {
    const code = files.filter((f) => !f.endsWith(".md") && !/^(lib\/generated\/|package-lock\.json$)/.test(f) && !f.endsWith("architecture.test.ts"));
    const locatesRealData = (file: string) => file === "lib/testing/realdata.ts" || file === "scripts/test.mjs" || file.startsWith(".ci/");
    const citing = offenders(code, (text, file) => /\b(STACK|PRODUCT|STYLE)\.md\b/.test(text) || (/\.\.\/shared\b/.test(text) && !locatesRealData(file)));
    expect(citing, "files citing STACK.md, PRODUCT.md, STYLE.md or ../shared").toEqual([]);
  });
});

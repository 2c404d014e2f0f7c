import { expect, test } from "@playwright/test";
import { journeyDefinition, uniqueJourney } from "../support/journey-definition";
import { appendBatch, cloudEvent, serviceAuth } from "../support/seed";
import { E2E_USERS, storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("admin") });

/** The admin's definition: items counted, the customer's name personal. */
function definition(prefix: string, name: string) {
  const base = journeyDefinition(prefix, name, "E2E shop visits");
  return {
    ...base,
    outcome: { ...base.outcome, labels: { completed: "Ordered" } },
    facts: [{ key: "items", label: "Items added", when: { type: `${prefix}.cart.added` }, keep: "count" }],
    people: { name: ["data.customer.name"] },
  };
}

test("an admin previews a definition on recent sessions, is shown a bad one's error at its path, and saves a new version", async ({ page, request }) => {
  // A save re-folds the whole shared e2e store into a new generation (and a save by another test at
  // the same moment supersedes it with both versions): minutes on a loaded 2-core machine.
  test.setTimeout(240_000);
  const { tag, prefix, name } = uniqueJourney("jd", "shop");
  const now = Date.now();
  const at = (s: number) => new Date(now - 60_000 + s * 1000).toISOString();
  const visit = (user: string, types: string[]) =>
    types.map((type, i) =>
      cloudEvent({
        id: `${user}-${i}`,
        source: "/e2e/shop",
        type: `${prefix}.${type}`,
        subject: `cart/${user}`,
        userid: user,
        time: at(i),
        data: { n: i, customer: { name: "Ada Lovelace" } },
      }),
    );
  await appendBatch(request, [...visit(`${tag}-buyer`, ["product.viewed", "cart.added", "order.completed"]), ...visit(`${tag}-looker`, ["product.viewed"])]);
  await expect(async () => {
    const { sessions } = await (await request.get(`/api/users/${tag}-buyer/sessions`, { headers: serviceAuth })).json();
    expect(sessions.length).toBe(1);
  }).toPass({ timeout: 15_000 });
  const customerName = async () =>
    (await (await request.get(`/api/streams/${encodeURIComponent(`cart/${tag}-buyer`)}`, { headers: serviceAuth })).json()).events[0].data.customer.name;
  // No journey names the path yet, and no pattern of the policy catches a name.
  expect(await customerName()).toBe("Ada Lovelace");

  await page.goto("/admin/journeys");
  await expect(page.getByRole("table", { name: "Journeys" })).toContainText("holiday-booking");
  await expect(page.getByRole("table", { name: "Journeys" }).getByRole("row", { name: /holiday-booking/ })).toContainText("built-in");
  const editor = page.getByLabel("Definition (JSON)");

  // A bad one: the error names its path and its line is marked; nothing is stored.
  const bad = definition(prefix, name);
  bad.steps[1]!.when.type = "";
  await editor.fill(JSON.stringify(bad, null, 2));
  await page.getByRole("button", { name: "Save a new version" }).click();
  const errors = page.getByRole("list", { name: "Definition errors" });
  await expect(errors).toContainText("steps[1].when.type");
  const badLine =
    JSON.stringify(bad, null, 2)
      .split("\n")
      .findIndex((l) => l.includes('"type": ""')) + 1;
  await expect(errors).toContainText(`line ${badLine}`);
  await expect(page.locator(`[data-error-line="${badLine}"]`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Journeys" })).not.toContainText(name);

  // The preview folds recent sessions with the draft: the journey, the step reached, the outcome.
  const good = JSON.stringify(definition(prefix, name), null, 2);
  await editor.fill(good);
  await page.getByRole("button", { name: "Preview on recent sessions" }).click();
  const preview = page.getByRole("table", { name: "Sessions folded with the draft" });
  await expect(preview.getByRole("row")).toHaveCount(3);
  const buyer = preview.getByRole("row").filter({ hasText: "Ordered (3/3)" });
  await expect(buyer).toContainText(name);
  await expect(buyer.getByText("Ordered", { exact: true })).toBeVisible();
  const looker = preview.getByRole("row").filter({ hasText: "Viewed a product (1/3)" });
  await expect(looker).toContainText("generic");
  await expect(looker).toContainText("live");
  await expect(page.getByRole("table", { name: "Journeys" })).not.toContainText(name);

  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved ${name} v1` })).toContainText("being prepared");
  await expect(page.getByRole("table", { name: "Journeys" }).getByRole("row", { name: new RegExp(name) })).toContainText("v1");

  // Its page: the text as saved, and its history with who saved it.
  await page.goto(`/admin/journeys?name=${name}`);
  await expect(editor).toHaveValue(good);
  await expect(page.getByRole("list", { name: "Definition history" })).toContainText(E2E_USERS.admin.email);
  await expect(page.getByRole("list", { name: "Definition history" })).toContainText("first version");

  // The API answers it to a service key, without who changed it; once the new generation is live, as the live version.
  const listed = async () =>
    ((await (await request.get("/api/journeys", { headers: serviceAuth })).json()).journeys as { name: string }[]).find((j) => j.name === name);
  await expect.poll(listed, { timeout: 150_000 }).toMatchObject({ name, version: 1, liveVersion: 1, builtIn: false, priority: 20 });
  expect(await listed()).not.toHaveProperty("changedBy");
  // Its people paths are personal data now, for every role without a reveal.
  await expect.poll(customerName, { timeout: 10_000 }).toBe("A•• ••••••••");
  const one = await (await request.get(`/api/journeys/${name}`, { headers: serviceAuth })).json();
  expect(one).toMatchObject({ name, version: 1, definition: JSON.parse(good), history: [{ version: 1, summary: "first version" }] });
});

import { expect, test } from "@playwright/test";
import { maskValue } from "../../lib/privacy/mask";
import { appendBatch, cloudEvent, uniqueTag } from "../support/seed";

test("a draft policy is previewed on real events before it is saved: nothing is written, and a value masked now stays masked", async ({ page, request }) => {
  const tag = uniqueTag("draft");
  const letters = tag.replace(/[^a-z]/g, "");
  const type = `e2e.draft.${tag.replace(/[^a-z0-9]/g, "")}`;
  const nickname = `Shadowfax ${letters}`;
  const name = `Petra Draftly ${letters}`; // masked by the policy in force (identity.user.registered: name)
  await appendBatch(request, [
    cloudEvent({ id: `${tag}-n`, type, subject: `draft/${tag}`, data: { nickname, city: "Leeds" } }),
    cloudEvent({ id: `${tag}-r`, source: "/holidays/identity", type: "identity.user.registered", subject: `user/${tag}`, data: { name } }),
  ]);

  await page.goto("/admin/policy");
  // Another test may save a version meanwhile: what shows nothing was saved here is that no version names this run's type.
  const history = page.getByRole("list", { name: "Policy history" });
  const editor = page.getByLabel("Policy (JSON)");
  const policy = JSON.parse(await editor.inputValue());
  // The draft masks this run's nickname and stops masking a registered user's name.
  const { "identity.user.registered": _dropped, ...others } = policy.fields;
  await editor.fill(JSON.stringify({ ...policy, fields: { ...others, [type]: ["nickname"] } }, null, 2));
  await page.getByRole("button", { name: "Preview the draft" }).click();

  const draft = page.getByRole("region", { name: "Draft preview" });
  const row = draft.locator(`li[data-type="${type}"]`);
  await expect(row.locator("code[data-new]")).toHaveText("nickname (new)");
  await expect(row.locator("pre")).toContainText(maskValue(nickname));
  const registered = draft.locator('li[data-type="identity.user.registered"]');
  await expect(registered.getByTestId("unmasked-by-draft")).toContainText("name");
  // The draft's preview holds neither raw value: the nickname masked by the draft, the name still by the version in force
  // (the saved version's preview above shows the nickname: it is not personal data until the draft is saved).
  expect(await draft.innerHTML()).not.toContain(nickname);
  expect(await page.content()).not.toContain(name);

  // Nothing was saved: no version with the draft after a reload.
  await page.reload();
  await expect(history).not.toContainText(type);

  // Invalid JSON: the error named, no preview, nothing written.
  await editor.fill('{ "fields": ');
  await page.getByRole("button", { name: "Preview the draft" }).click();
  await expect(page.getByRole("form", { name: "Save a new version" }).getByRole("alert")).toContainText("not valid JSON");
  await expect(page.getByRole("region", { name: "Draft preview" })).toHaveCount(0);
  // Invalid by the schema the save uses: the path named.
  await editor.fill('{ "fields": { "x": ["a..b"] }, "patterns": [] }');
  await page.getByRole("button", { name: "Preview the draft" }).click();
  await expect(page.getByRole("form", { name: "Save a new version" }).getByRole("alert")).toContainText("fields.x.0");
  await page.reload();
  await expect(history).not.toContainText("a..b");
});

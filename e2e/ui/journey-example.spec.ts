import { expect, test } from "@playwright/test";

test("a new journey definition starts empty; the example is put in on request and cannot be saved untouched", async ({ page }) => {
  await page.goto("/admin/journeys");
  const editor = page.getByLabel("Definition (JSON)");
  const save = page.getByRole("button", { name: "Save a new version" });
  await expect(editor).toHaveValue("");
  await expect(save).toBeDisabled();
  await expect(page.getByRole("button", { name: "Preview on recent sessions" })).toBeDisabled();

  await page.getByRole("button", { name: "Start from an example" }).click();
  await expect(editor).toHaveValue(/"name": "shop"/);
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription(/cannot be saved as it is/);

  // Changed (here its name), it is the admin's own definition and can be saved.
  await editor.fill((await editor.inputValue()).replace('"name": "shop"', '"name": "my-shop"'));
  await expect(save).toBeEnabled();
  await editor.fill("");
  await expect(save).toBeDisabled();
});

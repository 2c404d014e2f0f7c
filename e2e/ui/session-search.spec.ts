import { expect, test, type APIRequestContext } from "@playwright/test";
import { serviceAuth } from "../support/seed";
import { seedSimulatedWorld } from "../support/seed-world";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("analyst") });

// Days of its own, so other specs' sessions do not change the count.
const FROM = "2031-03-02";
const TO = "2031-03-04";
const TYPE = "search.destinations.searched";
const seedWorld = (request: APIRequestContext) => seedSimulatedWorld(request, { users: 20, days: 3, seed: "e2e-session-search", from: FROM });

test("the filter builder finds sessions by an event and its data, counts them as the API does, and opens a row at its first match", async ({
  page,
  request,
}) => {
  await seedWorld(request);
  const api = await (
    await request.get(`/api/sessions?journey=holiday-booking&from=${FROM}&to=${TO}&hasType=${TYPE}&where=data.adults:gt:1`, { headers: serviceAuth })
  ).json();
  expect(api.total).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/sessions");
  await page.getByText("Filter by what happened").click();
  const builder = page.getByTestId("search-builder");
  await builder.getByLabel("Journey").selectOption("holiday-booking");
  await builder.getByLabel("Started from").fill(FROM);
  await builder.getByLabel("to", { exact: true }).fill(TO);
  await builder.getByLabel("of type").fill(TYPE);
  await builder.getByLabel("data path").fill("data.adults");
  await builder.getByLabel("test").selectOption("gt");
  await builder.getByLabel("value").fill("1");
  await builder.getByRole("button", { name: "Find sessions" }).click();

  // The filters live in the URL, and the count is the API's.
  await expect(page).toHaveURL(/search=1/);
  await expect(page).toHaveURL(/where=data\.adults%3Agt%3A1/);
  await expect(page.getByTestId("search-total")).toHaveText(`${api.total.toLocaleString("en")} ${api.total === 1 ? "session matches" : "sessions match"}`);
  const rows = page.getByRole("table", { name: "Sessions" }).locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(api.total, 50));

  // The newest first, opening the replay at its first search for more than one adult.
  const first = api.sessions[0];
  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${encodeURIComponent(first.id)}\\?at=${first.firstMatch.position}(&|$)`));
  await expect(page.getByText(/Searched .+ adults/).first()).toBeVisible();

  // A reload keeps the search; a bad one says what is wrong, naming the parameter.
  await page.goBack();
  await expect(page.getByTestId("search-total")).toBeVisible();
  await page.goto(`/sessions?search=1&journey=holiday-booking&reached=nowhere`);
  await expect(page.getByTestId("search-error")).toContainText('query parameter "reached": "nowhere" is not a step of holiday-booking');
});

test("the filter builder works on a phone", async ({ page, request }) => {
  await seedWorld(request);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/sessions?search=1&journey=holiday-booking&from=${FROM}&to=${TO}&reached=priced&notReached=payment`);
  await expect(page.getByTestId("search-total")).toBeVisible();
  // Nothing runs off the side: the page is as wide as the phone.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expect(page.getByTestId("search-builder").getByRole("button", { name: "Find sessions" })).toBeVisible();
});

import { expect, type APIRequestContext } from "@playwright/test";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "./seed";

/** One signed-in visit of a fresh user, appended through the API, and its session once projected. */
export async function seedUserSession(request: APIRequestContext, extra: (user: string, tag: string) => Record<string, unknown>[] = () => []) {
  const tag = uniqueTag("seeded");
  const user = `usr-${tag}`;
  const base = Date.parse("2026-06-01T10:00:00Z");
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  await appendBatch(request, [
    cloudEvent({
      id: `${tag}-1`,
      source: "/holidays/identity",
      type: "identity.user.signed_in",
      subject: `user/${user}`,
      userid: user,
      time: at(0),
      data: { method: "password", platform: "web", device: "desktop", country: "GB" },
    }),
    cloudEvent({
      id: `${tag}-2`,
      source: "/holidays/search",
      type: "search.destinations.searched",
      subject: `search/${user}`,
      userid: user,
      time: at(1),
      data: { query: "Lisbon", destination: "LIS", checkIn: "2026-07-01", checkOut: "2026-07-08", nights: 7, adults: 2, children: 0, results: 40 },
    }),
    ...extra(user, tag),
  ]);
  let sessionId = "";
  await expect(async () => {
    const { sessions } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    expect(sessions.length).toBeGreaterThan(0);
    sessionId = sessions[0].id;
  }).toPass({ timeout: 10_000 });
  return { user, tag, sessionId, stream: `user/${user}` };
}

/** The seeded visit's third event: the customer viewed a Lisbon offer (its id from the visit's tag), with any attribute added or replaced. */
export function lisbonOfferViewed(user: string, tag: string, extra: Record<string, unknown> = {}) {
  return cloudEvent({
    id: `${tag}-3`,
    source: "/holidays/offers",
    type: "offers.offer.viewed",
    subject: `offer/OF-${tag}`,
    userid: user,
    time: "2026-06-01T10:02:00Z",
    data: { offerId: `OF-${tag}`, destination: "LIS", hotel: "Vista Resort Lisbon", package: "half-board", pricePerPerson: 700 },
    ...extra,
  });
}

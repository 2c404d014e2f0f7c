import { expect, test, type APIRequestContext } from "@playwright/test";
import { cloudEvent, serviceAuth } from "../support/seed";
import { seedUserSession } from "../support/seed-session";
import { builtActions, callAction } from "../support/server-action";
import { signedInAs, viewerIdOf } from "../support/signed-in";

const REVEAL_FIELD = "lib/actions/reveal.ts#revealFieldAction";

/** How many field reveals a viewer has on record (read with the service key). */
async function reveals(request: APIRequestContext, viewer: string): Promise<number> {
  const response = await request.get(`/api/streams/${encodeURIComponent(`rewind/audit/${viewer}`)}?limit=1000`, { headers: serviceAuth });
  if (response.status() === 404) return 0;
  const { events } = (await response.json()) as { events: { type: string }[] };
  return events.filter((e) => e.type === "rewind.audit.field.revealed").length;
}

test("a field reveal is bound to what the viewer may open: its session, the explorer only for those who may explore, one leaf value", async ({
  request,
  baseURL,
}) => {
  // Another customer's email, in an event of their session; and an agent with a session of their own to look at.
  const victim = await seedUserSession(request, (user, tag) => [
    cloudEvent({
      id: `${tag}-3`,
      source: "/holidays/identity",
      type: "identity.user.registered",
      subject: `user/${user}`,
      userid: user,
      time: "2026-06-01T10:02:00Z",
      data: { contact: { email: `${tag}@example.com` } },
    }),
  ]);
  const email = `${victim.tag}@example.com`;
  const other = await seedUserSession(request);
  const { events } = await (await request.get(`/api/streams/${encodeURIComponent(victim.stream)}`, { headers: serviceAuth })).json();
  const position = (events as { position: number; type: string }[]).find((e) => e.type === "identity.user.registered")!.position;

  const { id, route } = builtActions().get(REVEAL_FIELD)!;
  const page = route.replace("[sessionId]", encodeURIComponent(other.sessionId));
  const reveal = async (client: APIRequestContext, path: (string | number)[], sessionId: string | null) => {
    const call = await callAction(client, baseURL!, page, id, [position, path, "TICKET-42", sessionId]);
    expect(call.status).toBe(200);
    return call.result as { ok: boolean; value?: unknown; error?: string };
  };

  const agent = await signedInAs("agent", baseURL!);
  const agentId = await viewerIdOf(agent);
  const before = await reveals(request, agentId);
  // By position alone, outside any replay: an agent may not open the explorer, so not this either.
  const byPosition = await reveal(agent, ["contact", "email"], null);
  expect(byPosition).toMatchObject({ ok: false, error: expect.stringContaining("events.explore") });
  expect(JSON.stringify(byPosition)).not.toContain(email);
  // Named with a session the event is not in.
  expect(await reveal(agent, ["contact", "email"], other.sessionId)).toMatchObject({ ok: false });
  // A whole subtree, even in the right session.
  const subtree = await reveal(agent, ["contact"], victim.sessionId);
  expect(subtree).toMatchObject({ ok: false, error: expect.stringContaining("not one value") });
  expect(JSON.stringify(subtree)).not.toContain(email);
  expect(await reveals(request, agentId), "a refused reveal is not on record").toBe(before);
  // In the replay of the session it belongs to, one value: revealed, and on record.
  expect(await reveal(agent, ["contact", "email"], victim.sessionId)).toEqual({ ok: true, value: email });
  expect(await reveals(request, agentId)).toBe(before + 1);

  // An auditor may explore the raw store, so may reveal from it: one leaf, never a subtree.
  const auditor = await signedInAs("auditor", baseURL!);
  expect(await reveal(auditor, ["contact"], null)).toMatchObject({ ok: false });
  expect(await reveal(auditor, ["contact", "email"], null)).toEqual({ ok: true, value: email });
});

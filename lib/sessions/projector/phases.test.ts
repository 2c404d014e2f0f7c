import { describe, expect, it } from "vitest";
import type { JourneyEvent } from "../../journeys/journey-event";
import { identityKeys, resolveIdentities } from "./identities";
import { gatherPersonEvents, producerIdsOf, touchProbe, windowStarts } from "./refold-scope";
import { searchTermsOfPage } from "./search-terms";
import { builtInCatalog } from "../../journeys/catalog";
import { mergeVisitors, touchedPersons } from "./touched";

const ev = (position: number, fields: Partial<JourneyEvent> = {}): JourneyEvent => ({
  position,
  type: "page.viewed",
  source: "/web",
  subject: null,
  time: position * 1_000,
  userid: null,
  anonymousid: null,
  sessionid: null,
  correlationid: null,
  causationid: null,
  data: null,
  ...fields,
});

describe("the projector's phases", () => {
  it("resolve identities: a visitor signing in links and merges once; flows get the owner of their first event", () => {
    const links = new Map<string, string>();
    const owners = new Map([["flow-old", "anon:v1"]]);
    const events = [
      ev(1, { anonymousid: "v1", correlationid: "flow-1" }),
      ev(2, { anonymousid: "v1", userid: "u1" }),
      ev(3, { anonymousid: "v1", userid: "u1" }),
    ];
    const r = resolveIdentities(events, links, owners);
    expect(r.newLinks).toEqual([["v1", "u1"]]);
    expect(r.merges).toEqual([["anon:v1", "u1"]]);
    // The visitor's old flow is the user's now; the new flow is owned by the user its first event resolves to.
    expect(owners.get("flow-old")).toBe("u1");
    expect(r.newOwners).toEqual([["flow-1", "u1"]]);
    expect(r.lookup.userOfAnonymous("v1")).toBe("u1");
    expect(identityKeys(events)).toEqual({ anonymousIds: ["v1"], correlationIds: ["flow-1"] });
  });

  it("a service's event with neither user nor visitor owns no flow", () => {
    const r = resolveIdentities([ev(1, { correlationid: "flow-1" })], new Map(), new Map());
    expect(r.newOwners).toEqual([]);
  });

  it("who is touched: each event's person, the earliest new event and the producer ids; a merged visitor joins the user", () => {
    const lookup = { userOfAnonymous: () => undefined, ownerOfCorrelation: (c: string) => (c === "f" ? "u1" : undefined) };
    const { dirty, assigned } = touchedPersons(
      [ev(5, { userid: "u1", sessionid: "s-a" }), ev(3, { correlationid: "f" }), ev(4, { anonymousid: "v1" }), ev(6)],
      lookup,
    );
    expect(assigned.map((a) => [a.position, a.person])).toEqual([
      [5, "u1"],
      [3, "u1"],
      [4, "anon:v1"],
    ]);
    expect(dirty.get("u1")).toMatchObject({ since: 3_000, producerIds: new Set(["s-a"]) });
    mergeVisitors(dirty, [["anon:v1", "u1"]], [{ person: "anon:v1", startedAt: 1_000 }]);
    expect([...dirty.keys()]).toEqual(["u1"]);
    expect(dirty.get("u1")).toMatchObject({ since: 1_000, merged: new Set(["anon:v1"]) });
  });

  it("the refold window starts a timeout before the earliest new event, or at the earliest session it touches", () => {
    const { dirty } = touchedPersons([ev(100, { userid: "u1", sessionid: "p" })], { userOfAnonymous: () => undefined, ownerOfCorrelation: () => undefined });
    expect(touchProbe(dirty, 30_000)).toEqual([{ person: "u1", since: 70_000, producerIds: ["p"] }]);
    expect(windowStarts(dirty, [{ id: "s1", person: "u1", startedAt: 50_000 }]).get("u1")).toBe(50_000);
    expect(windowStarts(dirty, []).get("u1")).toBe(100_000);
  });

  it("a person's events to fold: the page's, and the stored sessions' (a merged visitor's go to the user)", () => {
    const { dirty, assigned } = touchedPersons([ev(9, { userid: "u1" })], { userOfAnonymous: () => undefined, ownerOfCorrelation: () => undefined });
    mergeVisitors(dirty, [["anon:v1", "u1"]], []);
    const known = new Map([1, 2, 9].map((p) => [p, ev(p, { sessionid: p === 1 ? "x" : null })]));
    const events = gatherPersonEvents(
      dirty,
      assigned,
      [
        { id: "s-v", person: "anon:v1", startedAt: 0 },
        { id: "s-o", person: "other", startedAt: 0 },
      ],
      new Map([
        ["s-v", [1, 2, 9]],
        ["s-o", [7]],
      ]),
      known,
    );
    expect(events.get("u1")?.map((e) => e.position)).toEqual([9, 1, 2]);
    expect(events.has("other")).toBe(false);
    expect(producerIdsOf(events)).toEqual(["x"]);
  });

  it("search terms: every user's own id and the terms of every folded event; visitors have none", () => {
    const terms = searchTermsOfPage(
      [
        { position: 1, person: "Usr-1", time: 0 },
        { position: 2, person: "anon:v", time: 0 },
      ],
      new Map([["anon:v", [ev(2)]]]),
      builtInCatalog,
    );
    expect(terms).toEqual([["usr-1", "Usr-1", "user"]]);
  });
});

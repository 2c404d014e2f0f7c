import { describe, expect, it } from "vitest";
import { isRewindEvent } from "../sessions/person";
import { AUDIT_SOURCE, toAuditEvent } from "./audit-event";

const agent = { kind: "user" as const, id: "u1", email: "ann@rewind.test", name: "Ann", role: "agent" as const, signIn: "auth-1" };
const now = new Date("2026-11-28T10:00:00Z");

describe("audit events", () => {
  it("say who, with which role, did what to whose data, when and why", () => {
    const event = toAuditEvent(agent, { action: "field.revealed", customer: "usr-1", session: "s1", target: "event 7 data.contact.email", reason: "T-1" }, now, "id-1");
    expect(event).toMatchObject({
      id: "id-1",
      source: AUDIT_SOURCE,
      type: "rewind.audit.field.revealed",
      subject: "rewind/audit/u1",
      time: now,
      userid: "usr-1",
      data: {
        kind: "json",
        value: {
          viewer: { id: "u1", kind: "user", label: "ann@rewind.test", role: "agent" },
          action: "field.revealed",
          customer: "usr-1",
          session: "s1",
          target: "event 7 data.contact.email",
          reason: "T-1",
        },
      },
    });
  });

  it("are Rewind's own events, which sessions skip", () => {
    const event = toAuditEvent({ kind: "service", id: "env:REWIND_API_KEY", name: "REWIND_API_KEY", role: "service" }, { action: "replay.viewed", customer: null, target: "GET /api/sessions/s1" }, now);
    expect(isRewindEvent({ source: event.source, subject: event.subject })).toBe(true);
    expect((event.data as { value: { viewer: { label: string } } }).value.viewer.label).toBe("service key REWIND_API_KEY");
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMasker } from "../privacy/mask";
import { policySchema } from "../privacy/policy";
import { isRewindEvent } from "../sessions/person";
import { AUDIT_SOURCE, maskAuditRecord, toAuditEvent } from "./audit-event";

const agent = { kind: "user" as const, id: "u1", email: "ann@rewind.test", name: "Ann", role: "agent" as const, signIn: "auth-1" };
const now = new Date("2026-11-28T10:00:00Z");

describe("audit events", () => {
  it("say who, with which role, did what to whose data, when and why", () => {
    const event = toAuditEvent(
      agent,
      { action: "field.revealed", customer: "usr-1", session: "s1", target: "event 7 data.contact.email", reason: "T-1" },
      now,
      "id-1",
    );
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
    const event = toAuditEvent(
      { kind: "service", id: "env:REWIND_API_KEY", name: "REWIND_API_KEY", role: "service", permissions: [] },
      { action: "replay.viewed", customer: null, target: "GET /api/sessions/s1" },
      now,
    );
    expect(isRewindEvent({ source: event.source, subject: event.subject })).toBe(true);
    expect((event.data as { value: { viewer: { label: string } } }).value.viewer.label).toBe("service key REWIND_API_KEY");
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the access log's view of a record", () => {
  const masker = createMasker(policySchema.parse(JSON.parse(readFileSync("prisma/personal-data-policy.json", "utf8"))));
  const viewer = { id: "v1", kind: "user" as const, label: "agent@rewind.test", role: "agent" as const };

  it("masks the reason, the target and the customer, as everything else that leaves the server", () => {
    const record = {
      viewer,
      action: "field.revealed" as const,
      customer: "jane.doe@example.com",
      session: "s1",
      target: "GET /api/users/jane.doe@example.com/sessions",
      reason: "TICKET-9 for jane.doe@example.com, +44 7123 456789",
    };
    const shown = maskAuditRecord(masker, record);
    expect(JSON.stringify(shown)).not.toMatch(/jane\.doe|7123/);
    expect(shown.reason).toBe("TICKET-9 for j•••.•••@•••••••.•••, +•• •••• ••••••");
    expect(shown).toMatchObject({ viewer, action: "field.revealed", customer: "j•••.•••@•••••••.•••", session: "s1" });
    expect(maskAuditRecord(masker, { ...record, customer: "usr-1" }).customer).toBe("usr-1");
  });

  it("leaves a record without a reason without one", () => {
    expect(maskAuditRecord(masker, { viewer, action: "replay.viewed", customer: null, target: "/sessions/s1" })).toEqual({
      viewer,
      action: "replay.viewed",
      customer: null,
      target: "/sessions/s1",
    });
  });
});

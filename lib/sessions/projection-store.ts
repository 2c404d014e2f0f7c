/**
 * The session read models' store: rows in and out, no rules (the projector's phases in
 * lib/sessions/projector/ and the journeys decide what to write).
 */
export * from "./checkpoint-store";
export * from "./identity-store";
export * from "./session-store";
export * from "./user-store";

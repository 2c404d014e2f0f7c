import { form } from "./server-action";

const none = "matrix-does-not-exist";

/**
 * Arguments for each server action that pass its gate and then change nothing: refused input, or
 * something that does not exist (e2e/api/access-matrix.spec.ts calls every action with them, as
 * every role and key kind).
 */
export function actionProbes(): Record<string, () => unknown[]> {
  return {
    "lib/actions/account.ts#changePasswordAction": () => [null, form({})],
    "lib/actions/admin.ts#inviteUser": () => [null, form({})],
    "lib/actions/admin.ts#setUserRole": () => [form({ userId: none, role: "agent" })],
    "lib/actions/admin.ts#setUserDisabled": () => [form({ userId: none, disabled: "false" })],
    "lib/actions/admin.ts#resetPasswordAction": () => [null, form({ userId: none })],
    "lib/actions/admin.ts#createApiKeyAction": () => [null, form({ kind: "none" })],
    "lib/actions/admin.ts#revokeApiKeyAction": () => [form({ id: "999999999" })],
    "lib/actions/admin.ts#savePolicyAction": () => [null, form({ policy: "{" })],
    "lib/actions/admin.ts#previewPolicyDraftAction": () => [null, form({ policy: "{" })],
    "lib/actions/blocked-users.ts#blockUserAction": () => [null, form({})],
    // A token that does not open names no row: refused, nothing unblocked.
    "lib/actions/blocked-users.ts#unblockUserAction": () => [null, form({ token: none })],
    // A reason too short is refused before anyone is looked up: nothing erased.
    "lib/actions/erasure.ts#eraseCustomerAction": () => [null, form({ customer: none, reason: "" })],
    "lib/actions/dead-letters.ts#retryDeadLetterAction": () => [form({ position: "999999999" })],
    "lib/actions/journeys.ts#previewJourneyAction": () => [null, form({ definition: "{" })],
    "lib/actions/journeys.ts#saveJourneyAction": () => [null, form({ definition: "{" })],
    "lib/actions/dead-letters.ts#discardDeadLetterAction": () => [form({ position: "999999999" })],
    // Generation 999999999 is never the one a rollback brings back: refused, nothing rolled back.
    "lib/actions/generations.ts#rollBackGenerationAction": () => [null, form({ id: "999999999" })],
    "lib/actions/generations.ts#discardGenerationAction": () => [null, form({ id: "999999999" })],
    "lib/actions/notes.ts#addNoteAction": () => [none, 0, "x"],
    "lib/actions/notes.ts#editNoteAction": () => [none, "x"],
    "lib/actions/notes.ts#deleteNoteAction": () => [none],
    "lib/actions/segments.ts#saveSegmentAction": () => [null, form({ name: "" })],
    "lib/actions/segments.ts#updateSegmentAction": () => [null, form({ id: "not-a-segment" })],
    "lib/actions/segments.ts#deleteSegmentAction": () => [form({ id: "00000000-0000-4000-8000-000000000000" })],
    "lib/actions/retention.ts#previewRetentionAction": () => [null, form({ policy: "{" })],
    "lib/actions/retention.ts#saveRetentionAction": () => [null, form({ policy: "{" })],
    // Version 999999999 is never the one in force: refused as changed, nothing run.
    "lib/actions/retention.ts#runRetentionAction": () => [null, form({ version: "999999999" })],
    "lib/actions/reveal.ts#revealSessionAction": () => [none, ""],
    "lib/actions/reveal.ts#revealFieldAction": () => [1, ["x"], "", none],
    "lib/actions/users.ts#createResumeLinkAction": () => [none, null],
    "lib/actions/users.ts#revokeResumeLinkAction": () => [form({ linkId: none, userId: none })],
    "lib/actions/users.ts#searchCustomersAction": () => [form({ query: "" })],
    "lib/actions/alerts.ts#createAlertRuleAction": () => [null, form({})],
    "lib/actions/alerts.ts#deleteAlertRuleAction": () => [null, form({ id: "alr_0" })],
    "lib/actions/alerts.ts#rotateAlertSecretAction": () => [null, form({ id: "alr_0" })],
    "lib/actions/alerts.ts#sendAlertAgainAction": () => [null, form({ id: "alt_0" })],
  };
}

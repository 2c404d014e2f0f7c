import type { Permission } from "./roles";

/**
 * Every server action, as "<file>#<export>", and who may call it: a permission (the action starts
 * with requireViewer(permission)) or any signed-in user (requireSignedIn). A server action is a
 * public endpoint (a POST naming its id), so it is held to a rule like a route:
 * lib/access/action-rules.test.ts reads the source and fails on an action without a rule, or whose
 * gate names another permission, and e2e/api/access-matrix.spec.ts calls each one over HTTP as
 * every role and key kind (keys are nobody to an action: it knows only the dashboard's cookie).
 * Actions are for changes only and live in lib/actions/; the dashboard's reads are route handlers
 * (docs/decisions.md, "Reads over HTTP, mutations as server actions").
 */
export type ActionRule = Permission | "signed-in";

export const ACTION_RULES: Record<string, ActionRule> = {
  "lib/actions/account.ts#changePasswordAction": "signed-in",
  "lib/actions/admin.ts#inviteUser": "admin.manage",
  "lib/actions/admin.ts#setUserRole": "admin.manage",
  "lib/actions/admin.ts#setUserDisabled": "admin.manage",
  "lib/actions/admin.ts#resetPasswordAction": "admin.manage",
  "lib/actions/admin.ts#createApiKeyAction": "admin.manage",
  "lib/actions/admin.ts#revokeApiKeyAction": "admin.manage",
  "lib/actions/admin.ts#savePolicyAction": "admin.manage",
  "lib/actions/admin.ts#previewPolicyDraftAction": "admin.manage",
  "lib/actions/alerts.ts#createAlertRuleAction": "alerts.manage",
  "lib/actions/alerts.ts#deleteAlertRuleAction": "alerts.manage",
  "lib/actions/alerts.ts#rotateAlertSecretAction": "alerts.manage",
  "lib/actions/alerts.ts#sendAlertAgainAction": "alerts.manage",
  "lib/actions/blocked-users.ts#blockUserAction": "admin.manage",
  "lib/actions/blocked-users.ts#unblockUserAction": "admin.manage",
  "lib/actions/erasure.ts#eraseCustomerAction": "admin.manage",
  "lib/actions/dead-letters.ts#retryDeadLetterAction": "admin.manage",
  "lib/actions/journeys.ts#previewJourneyAction": "admin.manage",
  "lib/actions/journeys.ts#saveJourneyAction": "admin.manage",
  "lib/actions/dead-letters.ts#discardDeadLetterAction": "admin.manage",
  "lib/actions/generations.ts#rollBackGenerationAction": "admin.manage",
  "lib/actions/generations.ts#discardGenerationAction": "admin.manage",
  "lib/actions/notes.ts#addNoteAction": "notes.write",
  "lib/actions/notes.ts#editNoteAction": "notes.write",
  "lib/actions/notes.ts#deleteNoteAction": "notes.write",
  "lib/actions/retention.ts#previewRetentionAction": "admin.manage",
  "lib/actions/retention.ts#saveRetentionAction": "admin.manage",
  "lib/actions/retention.ts#runRetentionAction": "admin.manage",
  "lib/actions/reveal.ts#revealSessionAction": "personal-data.reveal",
  "lib/actions/reveal.ts#revealFieldAction": "personal-data.reveal",
  "lib/actions/segments.ts#saveSegmentAction": "segments.save",
  "lib/actions/segments.ts#updateSegmentAction": "segments.save",
  "lib/actions/segments.ts#deleteSegmentAction": "segments.save",
  "lib/actions/users.ts#createResumeLinkAction": "resume-links.create",
  "lib/actions/users.ts#revokeResumeLinkAction": "resume-links.create",
  "lib/actions/users.ts#searchCustomersAction": "users.find",
};

export interface ServerActionSource {
  name: string;
  /** the first gate its body passes (directly, or in a helper of the same file it calls), or null */
  gate: ActionRule | null;
}

const DIRECTIVE = /["']use server["']/;
const FILE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

/** A top-level function's text, from its declaration to the first closing brace at column 0. */
function bodyAt(source: string, from: number): string {
  const end = source.indexOf("\n}", from);
  return source.slice(from, end === -1 ? undefined : end + 2);
}

function directGate(body: string): ActionRule | null {
  const gate = /\b(?:requireViewer\(\s*["']([\w.-]+)["']\s*\)|(requireSignedIn)\()/.exec(body);
  if (!gate) return null;
  return gate[2] ? "signed-in" : (gate[1] as Permission);
}

/**
 * The server actions one file defines, read from its text (pure: the tests walk app/, components/ and
 * lib/actions/). Null for a file without the directive; throws for what this reader cannot
 * vouch for (an inline "use server", `export {…}`, `export default`), so that a new shape of
 * action fails the test instead of going unchecked.
 */
export function serverActionsOf(file: string, source: string): ServerActionSource[] | null {
  if (!DIRECTIVE.test(source)) return null;
  if (!FILE_DIRECTIVE.test(source)) throw new Error(`${file}: an inline "use server" action; move it to a "use server" file with a rule`);
  if (/\bexport\s*(?:\{|default\b|\*)/.test(source)) throw new Error(`${file}: export each server action as \`export async function\``);
  const helpers = new Map<string, string>();
  for (const m of source.matchAll(/^(?:async\s+)?function\s+(\w+)/gm)) helpers.set(m[1]!, bodyAt(source, m.index));
  const actions: ServerActionSource[] = [];
  for (const m of source.matchAll(/^export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*async\b)/gm)) {
    const body = bodyAt(source, m.index);
    let gate = directGate(body);
    // A shared check in a helper of the same file.
    for (const [helper, text] of helpers) if (gate === null && new RegExp(`\\b${helper}\\(`).test(body)) gate = directGate(text);
    actions.push({ name: (m[1] ?? m[2])!, gate });
  }
  const exported = [...source.matchAll(/^export\s+(?!type\b|interface\b)/gm)].length;
  const readable = [...source.matchAll(/^export\s+(?:async\s+function|const\s+\w+\s*=\s*async\b)/gm)].length;
  if (exported !== readable) throw new Error(`${file}: a "use server" file exports only async functions`);
  return actions;
}

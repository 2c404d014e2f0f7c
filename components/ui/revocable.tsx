import { Badge } from "./badge";
import { buttonClass } from "./button";
import { ConfirmButton } from "./confirm-button";

/** Where a thing that can be revoked stands: a key, a resume link. `at` and `by` say when and by whom it was revoked. */
export type RevocableState = { state: "active" } | { state: "expired" } | { state: "revoked"; at: number; by?: string | null };

/** The state of a revocable thing as a badge; a revoked one says when (and by whom, when known). */
export function RevocableBadge({ state, when }: { state: RevocableState; when: (ms: number) => string }) {
  if (state.state === "active") return <Badge tone="emerald">active</Badge>;
  if (state.state === "expired") return <Badge tone="slate">expired</Badge>;
  return (
    <span>
      <Badge tone="rose">revoked</Badge> {when(state.at)}
      {state.by ? ` by ${state.by}` : ""}
    </span>
  );
}

/**
 * The Revoke button of a row: a form that posts `fields` (hidden) to a server action, after the
 * browser's own "are you sure" with `question`, since a revocation cannot be taken back.
 */
export function RevokeForm({
  action,
  fields,
  question,
}: {
  action: (form: FormData) => Promise<void>;
  fields: Record<string, string | number>;
  question: string;
}) {
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmButton question={question} className={buttonClass("danger")}>
        Revoke
      </ConfirmButton>
    </form>
  );
}

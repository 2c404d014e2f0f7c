"use client";

import type { ReactNode } from "react";

/** A submit button for an action that cannot be taken back: it asks first, in the browser's own dialog. */
export function ConfirmButton({
  question,
  className,
  disabled,
  children,
}: {
  question: string;
  className?: string;
  /** while the action runs, or while it cannot run */
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      className={className}
      disabled={disabled}
      onClick={(event) => {
        if (!window.confirm(question)) event.preventDefault();
      }}
    >
      {children}
    </button>
  );
}

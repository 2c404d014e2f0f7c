"use client";

import { useState } from "react";
import { revealSessionAction } from "@/lib/actions/reveal";
import type { ReplayIndex } from "@/lib/data/replay";
import { ReasonForm } from "./reason-form";

export function RevealSessionButton({ sessionId, onRevealed }: { sessionId: string; onRevealed: (grant: string, replay: ReplayIndex) => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        onClick={() => setAsking(true)}
        className="rounded border border-red-300 px-2.5 py-1 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
      >
        Reveal personal data…
      </button>
    );
  }
  return (
    <ReasonForm
      label="Reveal this session"
      onCancel={() => setAsking(false)}
      onSubmit={async (reason) => {
        const result = await revealSessionAction(sessionId, reason);
        if (!result.ok) return result.error;
        onRevealed(result.value.grant, result.value.replay);
        return null;
      }}
    />
  );
}

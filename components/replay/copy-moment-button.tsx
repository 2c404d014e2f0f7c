"use client";

import { useState } from "react";
import { formatMomentTime } from "@/lib/replay/player-machine";
import { copyOrOffer } from "../hooks/use-copy";

/** Copies a link to the playhead's moment: its event (`at`) and its time (`t`), taken at the click, even mid-play. */
export function CopyMomentButton({ index, elapsedMs }: { index: number; elapsedMs: number }) {
  const [copied, setCopied] = useState(false);
  const copyLink = async () => {
    // The time at the click, even mid-play (the URL only moves with each event while playing).
    const url = new URL(window.location.href);
    url.searchParams.set("at", String(index));
    url.searchParams.set("t", formatMomentTime(elapsedMs));
    // A link to a moment, not to the note open beside it (each note has its own link).
    url.searchParams.delete("note");
    if (!(await copyOrOffer(url.toString()))) return;
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    // As wide as its longer label either way: the row does not jump when it says "Link copied".
    <button type="button" onClick={copyLink} className="inline-grid rounded bg-slate-900 px-2.5 py-1 text-white hover:bg-slate-700 dark:bg-slate-700">
      <span aria-hidden className="invisible col-start-1 row-start-1">
        Copy link to this moment
      </span>
      <span className="col-start-1 row-start-1 text-center">{copied ? "Link copied" : "Copy link to this moment"}</span>
    </button>
  );
}

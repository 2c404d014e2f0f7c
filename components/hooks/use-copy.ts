"use client";

import { useEffect, useRef, useState } from "react";

/** What a copy button says when nothing reached the clipboard and the text is selected instead. */
export const COPY_BY_HAND = "Press Ctrl+C to copy";

/**
 * Puts `text` on the clipboard; false when that did not happen. The Clipboard API is missing over
 * plain http from another machine (not a secure context) and refuses without permission or focus;
 * the old execCommand("copy") of a selected textarea still works there on a click.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused: try the old way below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Selects where `text` is shown near `from` (its own box or a few parents up), so Ctrl+C copies it. */
function selectShownText(from: Element | null, text: string): boolean {
  for (let box = from, up = 0; box && up < 4; box = box.parentElement, up++) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return true;
    }
  }
  return false;
}

/**
 * A copy button's state: "copied" only when the clipboard took the text; otherwise the text shown
 * beside the button is selected and the button says COPY_BY_HAND, never a "Copied" that is not true.
 * Text shown nowhere is offered in a prompt, selected, to copy from.
 */
export function useCopy(resetMs = 2_000) {
  const [state, setState] = useState<"idle" | "copied" | "by-hand">("idle");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  async function copy(text: string, button: Element | null) {
    clearTimeout(timer.current);
    if (await copyText(text)) {
      setState("copied");
      timer.current = setTimeout(() => setState("idle"), resetMs);
      return;
    }
    if (!selectShownText(button, text)) window.prompt(COPY_BY_HAND, text);
    setState("by-hand");
  }
  return { state, copy };
}

/** For a button that shows its own "Copied": true when copied, else the text is offered to copy by hand. */
export async function copyOrOffer(text: string): Promise<boolean> {
  if (await copyText(text)) return true;
  window.prompt(COPY_BY_HAND, text);
  return false;
}

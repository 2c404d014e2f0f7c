/**
 * The search box's suggestion list, moved through by keyboard as a combobox does (WAI-ARIA
 * combobox pattern): Down and Up move the highlight and wrap, Home/End are left to the text box,
 * Escape closes. -1: nothing highlighted (Enter then submits what was typed). Pure.
 */
export function nextHighlight(current: number, key: string, count: number): number | null {
  if (count === 0) return -1;
  if (key === "ArrowDown") return current + 1 >= count ? 0 : current + 1;
  if (key === "ArrowUp") return current <= 0 ? count - 1 : current - 1;
  if (key === "Escape") return -1;
  return null;
}

/** Suggestions start at the third character (lib/users/search-limit.ts sizes the rate for it) and wait for a pause in typing. */
export const SUGGEST_FROM = 3;
export const SUGGEST_DEBOUNCE_MS = 250;

/** A piece of the contact text: plain words, or something a phone can open (write, call, visit). */
export type ContactPart = { text: string; href?: string };

// Only http(s) addresses become links: the text is configuration, but a javascript: link on a
// customer's page must not be one setting away.
const TAPPABLE = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(\+?\d[\d ().-]{5,}\d)/g;

/** The contact text split so its email addresses, web addresses and phone numbers are links. */
export function contactParts(text: string): ContactPart[] {
  const parts: ContactPart[] = [];
  let at = 0;
  for (const match of text.matchAll(TAPPABLE)) {
    const [found, url, email, phone] = match;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    const href = url ? url : email ? `mailto:${email}` : `tel:${phone!.replace(/[^\d+]/g, "")}`;
    parts.push({ text: found, href });
    at = match.index + found.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

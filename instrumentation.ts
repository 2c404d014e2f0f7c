// Runs once when the Next.js server starts: the session projector catches up with the store and
// then follows it (appends here nudge it; other processes' appends are picked up by polling).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.REWIND_PROJECTOR === "off") return;
  const { getStore } = await import("./lib/db/prisma");
  const { startProjector } = await import("./lib/sessions/projector-runner");
  startProjector(getStore());
}

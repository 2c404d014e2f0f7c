// Runs once when the Next.js server starts: the session projector catches up with the store and
// then follows it (appends here nudge it; other processes' appends are picked up by polling).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getStore } = await import("./lib/db/prisma");
  // The first admin, from REWIND_ADMIN_EMAIL / REWIND_ADMIN_PASSWORD, when there is no user yet.
  const { ensureFirstAdmin } = await import("./lib/auth/dashboard-users");
  const admin = await ensureFirstAdmin(getStore()).catch((error: unknown) => {
    console.error(`[rewind] could not create the first admin: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  if (admin) console.log("[rewind] created the first admin from REWIND_ADMIN_EMAIL");
  // Stored journey definitions: generations started elsewhere (`journeys apply`) are built here with
  // them; on a store with none, journeys/*.json (or REWIND_JOURNEYS_DIR) are stored and folded in.
  const { resolveCatalogsFrom } = await import("./lib/journey-store/journey-catalog");
  resolveCatalogsFrom(getStore());
  const { seedJourneys } = await import("./lib/journey-store/apply-definition");
  const seeded = await seedJourneys(getStore()).catch((error: unknown) => {
    console.error(`[rewind] could not seed the journey definitions: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  });
  if (seeded.length > 0) console.log(`[rewind] seeded journey definitions: ${seeded.map((v) => v.name).join(", ")}`);
  // What-if jobs fold in this process: one still "running" in the table was cut off by a restart.
  const { failInterruptedWhatIfJobs } = await import("./lib/what-if/job-store");
  const interrupted = await failInterruptedWhatIfJobs(getStore()).catch(() => 0);
  if (interrupted > 0) console.log(`[rewind] ${interrupted} what-if job(s) cut off by the restart marked failed`);
  // Retention (docs/retention.md): archives then removes what the policy says is due, every
  // REWIND_RETENTION_EVERY_HOURS; one purge at a time across servers (the retention_lock row).
  if (process.env.REWIND_RETENTION !== "off") {
    const { startRetention } = await import("./lib/retention/retention-runner");
    startRetention(getStore());
  }
  if (process.env.REWIND_PROJECTOR === "off") return;
  const { startProjector } = await import("./lib/sessions/projector-runner");
  startProjector(getStore());
  // Alerts on stalled journeys read what the projector folds, so they run where it runs (docs/alerts.md).
  if (process.env.REWIND_ALERTS === "off") return;
  const { startAlerts } = await import("./lib/alerts/alerts-runner");
  startAlerts(getStore());
}

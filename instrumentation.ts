// Runs once when the Next.js server starts: the session projector catches up with the store and
// then follows it (appends here nudge it; other processes' appends are picked up by polling).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getStore } = await import("./lib/db/prisma");
  // A DATABASE_READ_URL that cannot be a replica of DATABASE_URL stops the start, saying why.
  const { getReplicaStore } = await import("./lib/db/read-store");
  getReplicaStore();
  // Server log lines are JSON, masked (lib/privacy/log.ts), as every other line the server writes.
  const { logLine } = await import("./lib/privacy/log");
  // The first admin, from REWIND_ADMIN_EMAIL / REWIND_ADMIN_PASSWORD, when there is no user yet.
  const { ensureFirstAdmin } = await import("./lib/auth/dashboard-users");
  const admin = await ensureFirstAdmin(getStore()).catch((error: unknown) => {
    logLine("error", `could not create the first admin: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  if (admin) logLine("info", "created the first admin from REWIND_ADMIN_EMAIL");
  // Stored journey definitions: generations started elsewhere (`journeys apply`) are built here with
  // them; on a store with none, journeys/*.json (or REWIND_JOURNEYS_DIR) are stored and folded in.
  const { resolveCatalogsFrom } = await import("./lib/journey-store/journey-catalog");
  resolveCatalogsFrom(getStore());
  const { seedJourneys } = await import("./lib/journey-store/apply-definition");
  const seeded = await seedJourneys(getStore()).catch((error: unknown) => {
    logLine("error", `could not seed the journey definitions: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  });
  if (seeded.length > 0) logLine("info", `seeded journey definitions: ${seeded.map((v) => v.name).join(", ")}`);
  // What-if jobs fold in the process that started them: one "running" whose node stopped beating
  // was cut off (a job another node is folding is left alone).
  const { failInterruptedWhatIfJobs } = await import("./lib/what-if/job-store");
  const interrupted = await failInterruptedWhatIfJobs(getStore()).catch(() => 0);
  if (interrupted > 0) logLine("info", `${interrupted} what-if job(s) cut off by a stopped node marked failed`);
  // The work only one node may do runs on the node holding the leader lease (lib/leader/leadership.ts):
  // the projector (and generation builds), alerts on stalled journeys (they read what it folds), and
  // retention (docs/retention.md). Any number of nodes may serve pages and APIs beside it.
  const projector = process.env.REWIND_PROJECTOR !== "off";
  const alerts = projector && process.env.REWIND_ALERTS !== "off";
  const retention = process.env.REWIND_RETENTION !== "off";
  if (!projector && !retention) return;
  const [{ startLeadership }, runner, alertsRunner, retentionRunner] = await Promise.all([
    import("./lib/leader/leadership"),
    import("./lib/sessions/projector-runner"),
    import("./lib/alerts/alerts-runner"),
    import("./lib/retention/retention-runner"),
  ]);
  startLeadership(getStore(), {
    start() {
      if (projector) runner.startProjector(getStore());
      if (alerts) alertsRunner.startAlerts(getStore());
      if (retention) retentionRunner.startRetention(getStore());
    },
    async stop() {
      await Promise.all([runner.stopProjector(), alertsRunner.stopAlerts(), retentionRunner.stopRetention()]);
    },
  });
}

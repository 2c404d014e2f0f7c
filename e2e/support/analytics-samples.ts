/** URLs the access matrix calls for the analytics API routes: each needs its query to answer 200 to a caller allowed to read it. */
const DAY = "from=2026-06-01&to=2026-06-01";

export const ANALYTICS_SAMPLES: Record<string, string> = {
  "/api/analytics/funnel": `/api/analytics/funnel?journey=holiday-booking&${DAY}`,
  "/api/analytics/overview": `/api/analytics/overview?journey=holiday-booking&${DAY}`,
  "/api/analytics/popularity": `/api/analytics/popularity?journey=holiday-booking&dimension=country&${DAY}`,
  "/api/analytics/after-drop-off": `/api/analytics/after-drop-off?journey=holiday-booking&step=view_offer&${DAY}`,
};

/** One colour per service, used for markers and badges alike. */
export const SERVICE_COLORS: Record<string, string> = {
  identity: "#6366f1",
  search: "#0ea5e9",
  offers: "#14b8a6",
  booking: "#f59e0b",
  payment: "#ef4444",
};

export const colorOf = (service: string) => SERVICE_COLORS[service] ?? "#94a3b8";

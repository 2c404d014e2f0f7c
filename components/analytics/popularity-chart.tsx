"use client";

import type { DestinationRow } from "@/lib/analytics/reports";
import { BarsPerValue } from "./bars-per-value";

export function PopularityChart({ rows }: { rows: DestinationRow[] }) {
  return (
    <BarsPerValue
      label="Offer views, booking starts and bookings per destination"
      rows={rows.map((r) => ({ label: r.destination, views: r.views, starts: r.starts, bookings: r.bookings }))}
      series={[
        { key: "views", name: "Offer views", fill: "#0ea5e9" },
        { key: "starts", name: "Booking starts", fill: "#f59e0b" },
        { key: "bookings", name: "Bookings", fill: "#10b981" },
      ]}
    />
  );
}

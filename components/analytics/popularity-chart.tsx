"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DestinationRow } from "@/lib/analytics/reports";

export function PopularityChart({ rows }: { rows: DestinationRow[] }) {
  const data = rows.slice(0, 12).map((r) => ({ destination: r.destination, views: r.views, starts: r.starts, bookings: r.bookings }));
  return (
    <div className="h-72 w-full" role="img" aria-label="Offer views, booking starts and bookings per destination">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b833" vertical={false} />
          <XAxis dataKey="destination" fontSize={12} interval={0} />
          <YAxis fontSize={12} allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar isAnimationActive={false} dataKey="views" name="Offer views" fill="#0ea5e9" />
          <Bar isAnimationActive={false} dataKey="starts" name="Booking starts" fill="#f59e0b" />
          <Bar isAnimationActive={false} dataKey="bookings" name="Bookings" fill="#10b981" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

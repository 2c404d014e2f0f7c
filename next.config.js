/** @type {import('next').NextConfig} */
// Security headers on every response. Next's App Router hydrates with inline scripts, so scripts
// allow 'unsafe-inline' but nothing from another origin; nothing may frame the dashboard.
const isDev = process.env.NODE_ENV !== "production";
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  reactStrictMode: true,
  poweredByHeader: false,
  // The store is read at request time; nothing is prerendered from a database at build time.
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a real 403.
  experimental: { authInterrupts: true },
  // recheck finds its native checker (recheck-linux-x64) with require.resolve at run time: not bundled.
  // prom-client: one copy for the app and scripts/server.ts (its registry is shared through globalThis).
  serverExternalPackages: ["recheck", "prom-client"],
};

module.exports = nextConfig;

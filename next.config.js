/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The store is read at request time; nothing is prerendered from a database at build time.
  typedRoutes: false,
};

module.exports = nextConfig;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package directory; pg-gateway
  // and pg use Node sockets. Bundling them breaks those paths, so Next loads them from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-gateway', 'pg', 'cron-parser'],
  poweredByHeader: false,
  reactStrictMode: true,
};
module.exports = nextConfig;

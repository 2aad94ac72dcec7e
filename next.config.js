/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package directory; pg-gateway
  // and pg use Node sockets; better-sqlite3 is a native addon. Bundling them breaks those paths, so
  // Next loads them from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-gateway', 'pg', 'cron-parser', 'better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
};
module.exports = nextConfig;

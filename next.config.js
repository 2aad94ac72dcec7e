// The request-independent security headers: the same as lib/auth/static-headers.json, which
// proxy.ts sends (lib/auth/headers.test.ts checks that they agree).
const STATIC_SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package directory; pg-gateway
  // and pg use Node sockets; better-sqlite3 is a native addon. Bundling them breaks those paths, so
  // Next loads them from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-gateway', 'pg', 'cron-parser', 'better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
  // The request-independent security headers on every response, the build's static files included
  // (proxy.ts adds the CSP with its per-request nonce, and frame protection, to pages and the API).
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};
module.exports = nextConfig;

/**
 * Every route and static file is served cross-origin isolated (COOP same-origin + COEP
 * require-corp), so `crossOriginIsolated` is true and SharedArrayBuffer exists: Pyodide
 * interrupts and threaded WebAssembly need it.
 */
const isolation = [
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  async headers() {
    return [
      { source: '/:path*', headers: isolation },
      // Workers are built outside the Next bundle (scripts/build-workers.mjs) with stable
      // names, so they must be revalidated rather than cached forever.
      { source: '/workers/:path*', headers: [...isolation, { key: 'Cache-Control', value: 'no-cache' }] },
    ];
  },
};

export default nextConfig;

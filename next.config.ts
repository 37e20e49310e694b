import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole repository as its own step; not twice.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;

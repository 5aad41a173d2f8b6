// The addresses phones can reach: every LAN address this machine serves, and the best one
// for the QR code (a private-range IPv4 address first). PUBLIC_URL overrides them.
import { networkInterfaces } from "node:os";

export function lanUrls(port: number): string[] {
  const urls: string[] = [];
  for (const addresses of Object.values(networkInterfaces()))
    for (const a of addresses ?? []) if (a.family === "IPv4" && !a.internal) urls.push(`http://${a.address}:${port}`);
  return urls;
}

function rank(url: string): number {
  const host = new URL(url).hostname;
  if (/^192\.168\./.test(host)) return 0;
  if (/^10\./.test(host)) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(host)) return 2;
  return 3;
}

/** The base URL to put in join links and QR codes. */
export function bestJoinBaseUrl(port: number, publicUrl: string | null): string {
  if (publicUrl) return publicUrl;
  const urls = lanUrls(port).sort((a, b) => rank(a) - rank(b));
  return urls[0] ?? `http://localhost:${port}`;
}

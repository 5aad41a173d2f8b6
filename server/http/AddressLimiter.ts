// Requests per minute per network address, for what a stranger could hammer (room
// creation, code look-ups, joins). A whole class behind one school NAT shares an address,
// so the limits leave room for a whole school joining at once (several rooms of 200).
export class AddressLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  allow(address: string | undefined): boolean {
    const key = address ?? "?";
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < 60_000);
    const allowed = recent.length < this.perMinute;
    if (allowed) recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.hits.clear();
    return allowed;
  }
}

/** Shared by every room of the process: join attempts per address. */
export const joinLimiter = new AddressLimiter(3000);

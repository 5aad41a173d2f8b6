// Server metrics in the Prometheus text format: rooms, players, tick duration, messages
// per second, refusals. One instance per process, handed to rooms through ServerContext.

/** The window of the messages-per-second gauge. */
const RECENT_SECONDS = 10;

export class Metrics {
  rooms = 0;
  players = 0;
  private messages = 0;
  private readonly refusals = new Map<string, number>();
  private readonly tickBuckets = [1, 2, 5, 10, 20, 50, 100];
  private readonly tickCounts = new Array<number>(this.tickBuckets.length + 1).fill(0);
  private tickSum = 0;
  private tickCount = 0;
  private readonly windowStart = Date.now();
  /** Server side of action-to-patch latency: from an action's arrival to the patch carrying its effect. */
  private readonly actionBuckets = [1, 2, 5, 10, 20, 30, 40, 50, 60, 80, 100, 150, 200, 300, 500, 1000];
  private readonly actionCounts = new Array<number>(this.actionBuckets.length + 1).fill(0);
  private actionSum = 0;
  private actionCount = 0;
  /** Messages counted per second of the clock, the last RECENT_SECONDS + 1 seconds (a ring indexed by the second). */
  private readonly perSecond = new Array<number>(RECENT_SECONDS + 1).fill(0);
  private readonly secondOf = new Array<number>(RECENT_SECONDS + 1).fill(-1);

  /** On the hot path (every client message): a counter and a clock read, nothing allocated. */
  message(now = Date.now()): void {
    this.messages++;
    const second = Math.floor(now / 1000);
    const slot = second % this.perSecond.length;
    if (this.secondOf[slot] !== second) {
      this.secondOf[slot] = second;
      this.perSecond[slot] = 0;
    }
    this.perSecond[slot]++;
  }

  refusal(code: string): void {
    this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
  }

  tick(ms: number): void {
    this.tickSum += ms;
    this.tickCount++;
    let i = 0;
    while (i < this.tickBuckets.length && ms > this.tickBuckets[i]) i++;
    this.tickCounts[i]++;
  }

  actionToPatch(ms: number): void {
    this.actionSum += ms;
    this.actionCount++;
    let i = 0;
    while (i < this.actionBuckets.length && ms > this.actionBuckets[i]) i++;
    this.actionCounts[i]++;
  }

  /** Upper bound of the bucket holding the p-th percentile of action-to-patch times. */
  actionPercentile(p: number): number {
    const target = (p / 100) * this.actionCount;
    let cumulative = 0;
    for (let i = 0; i < this.actionCounts.length; i++) {
      cumulative += this.actionCounts[i];
      if (cumulative >= target && cumulative > 0) return this.actionBuckets[i] ?? Infinity;
    }
    return 0;
  }

  /** Messages received in the last RECENT_SECONDS whole seconds (the current one left out), per second. */
  messagesPerSecond(now = Date.now()): number {
    const current = Math.floor(now / 1000);
    let total = 0;
    this.secondOf.forEach((second, slot) => {
      if (second < current && second >= current - RECENT_SECONDS) total += this.perSecond[slot];
    });
    return total / RECENT_SECONDS;
  }

  render(): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
    };
    metric("exactly_once_rooms", "gauge", "Class rooms open in this process.", [["", this.rooms]]);
    metric("exactly_once_players", "gauge", "Players connected to this process.", [["", this.players]]);
    metric("exactly_once_messages_total", "counter", "Client messages received.", [["", this.messages]]);
    metric("exactly_once_messages_per_second", "gauge", "Client messages per second over the last 10 s.", [["", this.messagesPerSecond()]]);
    metric(
      "exactly_once_refusals_total",
      "counter",
      "Actions and messages refused, by reason.",
      [...this.refusals].map(([code, n]) => [`{reason="${code}"}`, n] as [string, number]),
    );
    lines.push("# HELP exactly_once_tick_ms Time to run one room tick.", "# TYPE exactly_once_tick_ms histogram");
    let cumulative = 0;
    this.tickBuckets.forEach((le, i) => {
      cumulative += this.tickCounts[i];
      lines.push(`exactly_once_tick_ms_bucket{le="${le}"} ${cumulative}`);
    });
    lines.push(
      `exactly_once_tick_ms_bucket{le="+Inf"} ${this.tickCount}`,
      `exactly_once_tick_ms_sum ${this.tickSum}`,
      `exactly_once_tick_ms_count ${this.tickCount}`,
    );
    lines.push(
      "# HELP exactly_once_action_to_patch_ms From a player's action arriving to the state patch carrying its effect leaving.",
      "# TYPE exactly_once_action_to_patch_ms histogram",
    );
    let actions = 0;
    this.actionBuckets.forEach((le, i) => {
      actions += this.actionCounts[i];
      lines.push(`exactly_once_action_to_patch_ms_bucket{le="${le}"} ${actions}`);
    });
    lines.push(
      `exactly_once_action_to_patch_ms_bucket{le="+Inf"} ${this.actionCount}`,
      `exactly_once_action_to_patch_ms_sum ${Math.round(this.actionSum)}`,
      `exactly_once_action_to_patch_ms_count ${this.actionCount}`,
    );
    metric("exactly_once_uptime_seconds", "gauge", "Seconds since this process started.", [["", Math.round((Date.now() - this.windowStart) / 1000)]]);
    return `${lines.join("\n")}\n`;
  }
}

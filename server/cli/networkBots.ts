// Network bots: a class room created through the public HTTP interface, a host and N
// players connected as real WebSocket clients of @colyseus/sdk, each player playing its
// seat from what its phone would see. Used by `npm run bots` and the server benchmark.
import { Client, type Room } from "@colyseus/sdk";
import type { Strategy } from "../../shared/bots/bots.js";
import { seatBotAction, type SeatDetail } from "../../shared/bots/seatBot.js";
import type { RoundSummary } from "../../shared/checker/checker.js";
import type { ClientMessages, ServerMessages } from "../../shared/protocol.js";
import type { RoomStateView } from "../../shared/view/roomState.js";

export interface BotsOptions {
  url: string;
  joinUrl?: string;
  scenario: string;
  variant: string;
  players: number;
  strategy: Strategy;
  seconds: number;
  seed?: number;
  /** The round's length; by default the scenario's own. */
  roundSeconds?: number;
  /**
   * Benchmarks: only every Nth phone decodes the synchronised state (the ones that measure
   * latency); the others count the patches' bytes and skip them, as a load generator that
   * does not starve the server of CPU. 1 (every phone decodes, as a real phone does) by default.
   */
  decodeEvery?: number;
  /** Awaited once every player is connected, before the round is configured and started (a benchmark starts its rooms together). */
  beforeStart?: () => Promise<void>;
  /** Called once the round runs, with the ids a host would keep. */
  onStarted?: (info: { gameId: string; roomCode: string; hostToken: string }) => void;
  log?: (line: string) => void;
}

export interface BotsResult {
  gameId: string;
  roomCode: string;
  hostToken: string;
  players: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  summary: RoundSummary;
  /** Bytes per second received, per phone (mean) and by the projector. */
  bytesPerSecond: { phone: number; projector: number };
  /** WebSocket messages (state patches and messages) per second, per phone (mean) and by the projector; `phonePatches`: the state patches among the phone's. */
  framesPerSecond: { phone: number; phonePatches: number; projector: number };
  actions: number;
  refusals: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The Colyseus protocol's first byte of a full state and of a state patch (@colyseus/shared-types). */
const ROOM_STATE = 14;
const ROOM_STATE_PATCH = 15;

/** Counts the bytes a client receives on its WebSocket; with `skipState` the state frames are counted and not decoded. */
function meter(room: Room, skipState = false): { bytes: number; frames: number; patches: number } {
  const counter = { bytes: 0, frames: 0, patches: 0 };
  const events = (room as unknown as { connection: { events: { onmessage: (e: MessageEvent) => void } } }).connection.events;
  const original = events.onmessage;
  events.onmessage = (e: MessageEvent) => {
    const data = e.data as ArrayBuffer | Uint8Array | string;
    counter.bytes += typeof data === "string" ? data.length : data.byteLength;
    counter.frames++;
    const code =
      typeof data === "string"
        ? -1
        : new Uint8Array(data instanceof ArrayBuffer ? data : data.buffer, data instanceof ArrayBuffer ? 0 : data.byteOffset, 1)[0] & 0x3f;
    if (code === ROOM_STATE_PATCH) counter.patches++;
    if (skipState && (code === ROOM_STATE || code === ROOM_STATE_PATCH)) return;
    original(e);
  };
  return counter;
}

class BotPlayer {
  detail: SeatDetail | null = null;
  sent = new Map<number, number>();
  latencies: number[] = [];
  n = 0;
  actions = 0;
  refusals = 0;
  nextNew = 0;
  nextAct = 0;
  readonly bytes: { bytes: number; frames: number; patches: number };
  playerId = "";

  constructor(
    readonly room: Room,
    private readonly strategy: Strategy,
    private readonly decodes = true,
  ) {
    this.bytes = meter(room, !decodes);
    room.onMessage("welcome", (w: ServerMessages["welcome"]) => (this.playerId = w.playerId ?? ""));
    room.onMessage("seat", (d: ServerMessages["seat"]) => (this.detail = d));
    room.onMessage("refused", (r: ServerMessages["refused"]) => {
      this.refusals++;
      if (r.n !== undefined) this.sent.delete(r.n);
    });
    room.onMessage("*", () => undefined);
    room.onStateChange(() => this.observe());
  }

  /** Latency: an action's sequence number shows up as this player's lastAction in a state patch. */
  private observe(): void {
    if (this.sent.size === 0 || !this.playerId) return;
    const me = (this.room.state as RoomStateView).players?.get(this.playerId);
    if (!me) return;
    const now = performance.now();
    for (const [n, at] of this.sent) {
      if (n > me.lastAction) continue;
      this.latencies.push(now - at);
      this.sent.delete(n);
    }
  }

  step(now: number, running: boolean): void {
    if (!running || !this.detail || now < this.nextAct) return;
    const mayStartNew = now >= this.nextNew;
    const act = seatBotAction(this.detail, this.strategy, mayStartNew);
    if (!act) return;
    this.n++;
    act.n = this.n;
    if (this.decodes) this.sent.set(this.n, performance.now());
    this.room.send("act", act satisfies ClientMessages["act"]);
    this.actions++;
    // A person taps every few hundred milliseconds and starts new work every second or two.
    this.nextAct = now + 300 + Math.random() * 400;
    if (act.action === "send" || act.action === "saveDb" || act.action === "commitOutbox") this.nextNew = now + 1000 + Math.random() * 1000;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A join under heavy load may find its seat reservation expired: try again a few times. */
async function joinWithRetries(join: () => Promise<Room>, log: (line: string) => void): Promise<Room> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await join();
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`join failed (${error instanceof Error ? error.message : String(error)}), trying again`);
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

export async function runNetworkBots(options: BotsOptions): Promise<BotsResult> {
  const log = options.log ?? (() => undefined);
  const created = await fetch(`${options.url}/api/rooms`, { method: "POST" });
  if (created.status !== 201) throw new Error(`cannot create a room at ${options.url}: HTTP ${created.status}`);
  const { roomCode, hostToken } = (await created.json()) as { roomCode: string; hostToken: string };
  const hostRoom = await new Client(options.url).joinById(roomCode, { hostToken });
  const projectorBytes = meter(hostRoom);
  let over: ServerMessages["roundOver"] | null = null;
  hostRoom.onMessage("roundOver", (m: ServerMessages["roundOver"]) => (over = m));
  hostRoom.onMessage("*", () => undefined);
  const joinUrl = options.joinUrl ?? options.url;
  const players: BotPlayer[] = [];
  for (let i = 0; i < options.players; i++) {
    const room = await joinWithRetries(() => new Client(joinUrl).joinById(roomCode, { name: `bot ${i + 1}` }), log);
    players.push(new BotPlayer(room, options.strategy, i % Math.max(1, options.decodeEvery ?? 1) === 0));
    if (i % 50 === 49) log(`${i + 1} players connected`);
  }
  await options.beforeStart?.();
  hostRoom.send("host:config", {
    scenario: options.scenario,
    variant: options.variant,
    seed: options.seed ?? null,
    roundSeconds: options.roundSeconds ?? null,
  } satisfies ClientMessages["host:config"]);
  hostRoom.send("host:start", {});
  const state = () => hostRoom.state as RoomStateView;
  await waitUntil(() => state().phase === "running", 30_000, "the round to start");
  const gameId = state().gameId;
  options.onStarted?.({ gameId, roomCode, hostToken });
  const startedAt = Date.now();
  const startBytes = players.map((p) => p.bytes.bytes);
  const startProjector = projectorBytes.bytes;
  const startFrames = players.map((p) => p.bytes.frames);
  const startPatches = players.map((p) => p.bytes.patches);
  const startProjectorFrames = projectorBytes.frames;
  const timer = setInterval(() => {
    const now = Date.now();
    const running = state().phase === "running";
    for (const p of players) p.step(now, running);
  }, 50);
  await new Promise((r) => setTimeout(r, options.seconds * 1000));
  const elapsed = (Date.now() - startedAt) / 1000;
  const phoneBytes = players.map((p, i) => p.bytes.bytes - startBytes[i]);
  const projector = projectorBytes.bytes - startProjector;
  const phoneFrames = players.reduce((n, p, i) => n + p.bytes.frames - startFrames[i], 0);
  const phonePatches = players.reduce((n, p, i) => n + p.bytes.patches - startPatches[i], 0);
  const projectorFrames = projectorBytes.frames - startProjectorFrames;
  clearInterval(timer);
  hostRoom.send("host:end", {});
  await waitUntil(() => over !== null, 120_000, "the round's end");
  // Set by the listener while waiting (the compiler cannot see it).
  const final = over as ServerMessages["roundOver"] | null;
  if (!final) throw new Error("the round ended without its summary");
  const latencies = players.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const result: BotsResult = {
    gameId,
    roomCode,
    hostToken,
    players: players.length,
    latencyMs: {
      p50: Math.round(percentile(latencies, 50) * 10) / 10,
      p95: Math.round(percentile(latencies, 95) * 10) / 10,
      p99: Math.round(percentile(latencies, 99) * 10) / 10,
      max: Math.round((latencies.at(-1) ?? 0) * 10) / 10,
    },
    summary: final.summary,
    bytesPerSecond: {
      phone: Math.round(phoneBytes.reduce((a, b) => a + b, 0) / Math.max(1, players.length) / elapsed),
      projector: Math.round(projector / elapsed),
    },
    framesPerSecond: {
      phone: Math.round((phoneFrames / Math.max(1, players.length) / elapsed) * 10) / 10,
      phonePatches: Math.round((phonePatches / Math.max(1, players.length) / elapsed) * 10) / 10,
      projector: Math.round((projectorFrames / elapsed) * 10) / 10,
    },
    actions: players.reduce((n, p) => n + p.actions, 0),
    refusals: players.reduce((n, p) => n + p.refusals, 0),
  };
  await Promise.all([hostRoom, ...players.map((p) => p.room)].map((r) => r.leave(true).catch(() => undefined)));
  return result;
}

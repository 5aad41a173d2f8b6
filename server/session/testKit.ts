// Fakes for the session's ports, for unit tests: a clock moved by hand, ids counted up, a
// transport and a state mirror that record, and the real log writer on a MemoryLogStore.
import type { Design } from "../../shared/design/index.js";
import { TICK_MS } from "../../shared/engine/config.js";
import type { LessonStateView } from "../../shared/view/roomState.js";
import type { HostRoundOver, PlayerRoundOver, Refusal, ServerMessages } from "../../shared/protocol.js";
import { MemoryLogStore, memoryLogData, type MemoryLogData } from "../logs/MemoryLogStore.js";
import { hashToken } from "./auth.js";
import { ClassSession } from "./ClassSession.js";
import { GameLogWriter } from "./GameLogWriter.js";
import type { IdleLimits } from "./IdleWatch.js";
import type { Clock, IdSource, RoomSettings, SessionTransport, StateMirror } from "./ports.js";
import { RoomPersistence } from "./RoomPersistence.js";
import type { Player } from "./Roster.js";

export const ROOM_CODE = "ABCDEF";
export const HOST_TOKEN = "host-token-for-the-unit-tests";

export class ManualClock implements Clock {
  constructor(public time = 1_700_000_000_000) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export function countingIds(): IdSource {
  let n = 0;
  return {
    playerId: () => `p${++n}`,
    resumeToken: () => `resume-token-${++n}`,
    gameSuffix: () => `g${++n}`,
    seed: () => 4242,
  };
}

export class RecordingTransport implements SessionTransport {
  readonly sent: { to: string; type: string; message: unknown }[] = [];
  readonly refusals: { to: string; refusal: Refusal }[] = [];
  joinable = true;
  actionsApplied = 0;

  send(to: string, type: string, message: unknown): void {
    this.sent.push({ to, type, message });
  }
  refuse(to: string, refusal: Refusal): void {
    this.refusals.push({ to, refusal });
  }
  setJoinable(joinable: boolean): void {
    this.joinable = joinable;
  }
  actionApplied(): void {
    this.actionsApplied++;
  }
  /** The messages of a type sent to one connection, oldest first. */
  to<K extends keyof ServerMessages>(connectionId: string, type: K): ServerMessages[K][] {
    return this.sent.filter((m) => m.to === connectionId && m.type === type).map((m) => m.message as ServerMessages[K]);
  }
  /** The results a projector received. */
  hostOver(connectionId: string): HostRoundOver[] {
    return this.to(connectionId, "roundOver") as HostRoundOver[];
  }
  /** The results a phone received. */
  playerOver(connectionId: string): PlayerRoundOver[] {
    return this.to(connectionId, "roundOver") as PlayerRoundOver[];
  }
  /** The reason code of the last refusal sent to a connection. */
  lastRefusal(connectionId: string): string | undefined {
    const refusal = this.refusals.filter((r) => r.to === connectionId).at(-1)?.refusal;
    return refusal?.reason.code;
  }
}

/** Keeps what a schema would hold, as plain values. */
export class PlainMirror implements StateMirror {
  settingsSeen: RoomSettings | null = null;
  /** Every phase the mirror was shown, in order, each once per change. */
  readonly phases: string[] = [];
  readonly players = new Map<string, Pick<Player, "name" | "team" | "seat" | "connected" | "spectator" | "lastAction" | "idle">>();
  readonly hostConnections: string[] = [];
  placements = 0;
  roundsBegun = 0;
  ticks = 0;
  settled = 0;
  lessonSeen: LessonStateView | null = null;
  designsSeen: Design[] = [];

  settings(settings: Readonly<RoomSettings>): void {
    this.settingsSeen = { ...settings };
    if (this.phases.at(-1) !== settings.phase) this.phases.push(settings.phase);
  }
  hostJoined(connectionId: string): void {
    this.hostConnections.push(connectionId);
  }
  playerJoined(player: Player): void {
    this.playerChanged(player);
  }
  playerChanged(player: Player): void {
    const { name, team, seat, connected, spectator, lastAction, idle } = player;
    this.players.set(player.id, { name, team, seat, connected, spectator, lastAction, idle });
  }
  playerPlaced(): void {
    this.placements++;
  }
  roundBegan(): void {
    this.roundsBegun++;
  }
  roundTicked(): void {
    this.ticks++;
  }
  roundSettled(): void {
    this.settled++;
  }
  lesson(state: Readonly<LessonStateView>): void {
    this.lessonSeen = { ...state };
  }
  designs(designs: readonly Design[]): void {
    this.designsSeen = designs.map((d) => ({ ...d }));
  }
}

export interface TestRoom {
  session: ClassSession;
  clock: ManualClock;
  transport: RecordingTransport;
  mirror: PlainMirror;
  store: MemoryLogStore;
  writer: GameLogWriter;
  persistence: RoomPersistence;
  saves: number;
  reports: unknown[];
}

/** A session wired to fakes; `data` is the store's "disk", shared with a room made after a crash. */
export function testRoom(options: { botTakeoverMs?: number; idle?: IdleLimits; data?: MemoryLogData; clock?: ManualClock } = {}): TestRoom {
  const clock = options.clock ?? new ManualClock();
  const transport = new RecordingTransport();
  const mirror = new PlainMirror();
  const store = new MemoryLogStore(options.data ?? memoryLogData());
  const hostTokenHash = hashToken(HOST_TOKEN);
  const reports: unknown[] = [];
  const report = (error: unknown) => void reports.push(error);
  const writer = new GameLogWriter({ store, roomCode: ROOM_CODE, hostTokenHash, clock, report });
  const persistence = new RoomPersistence({ store, roomCode: ROOM_CODE, hostTokenHash, writer, createdAt: new Date(clock.now()).toISOString() });
  const room = { clock, transport, mirror, store, writer, persistence, saves: 0, reports } as TestRoom;
  room.session = new ClassSession(
    {
      roomCode: ROOM_CODE,
      hostTokenHash,
      joinUrl: `http://class.test/?code=${ROOM_CODE}`,
      botTakeoverMs: options.botTakeoverMs ?? 8000,
      idle: options.idle ?? { nudgeMs: 20_000, botMs: 40_000 },
    },
    { clock, ids: countingIds(), transport, mirror, log: writer, saveSoon: () => void room.saves++, report },
  );
  return room;
}

/** Lets a person in the way the room does: admit, then join. Throws when refused. */
export function enter(session: ClassSession, connectionId: string, options: Record<string, unknown>): void {
  const admission = session.admit(options);
  if (!admission.ok) throw new Error(`not admitted: ${admission.reason}`);
  const joined = session.join(connectionId, admission);
  if (!joined.ok) throw new Error(`not joined: ${joined.reason}`);
}

/** Moves the clock one tick at a time until `done` (or fails after `maxTicks`). */
export function tickUntil(room: TestRoom, done: () => boolean, maxTicks = 5000): number {
  for (let ticks = 0; ticks < maxTicks; ticks++) {
    if (done()) return ticks;
    room.clock.advance(TICK_MS);
    room.session.tick();
  }
  throw new Error(`not done after ${maxTicks} ticks (phase ${room.session.phase})`);
}

/** The connection id of the person holding a seat. */
export function holderOf(session: ClassSession, seat: string): string {
  const player = [...session.roster.players.values()].find((p) => p.seat === seat && p.sessionId);
  if (!player?.sessionId) throw new Error(`nobody connected holds ${seat}`);
  return player.sessionId;
}

/** A room with a projector ("host") and `n` phones ("s1"…), configured for a topic. */
export function classroom(
  n: number,
  config: Record<string, unknown> = { scenario: "t3-lost-messages", variant: "fixed", seed: 7 },
  botTakeoverMs?: number,
): TestRoom {
  const room = testRoom({ botTakeoverMs });
  enter(room.session, "host", { hostToken: HOST_TOKEN });
  for (let i = 1; i <= n; i++) enter(room.session, `s${i}`, { name: `Player ${i}` });
  room.session.receive("host", "host:config", config);
  return room;
}

export function startRound(room: TestRoom): void {
  room.session.receive("host", "host:start", {});
  tickUntil(room, () => room.session.phase === "running");
}

export function endRound(room: TestRoom): void {
  room.session.receive("host", "host:end", {});
  tickUntil(room, () => room.session.phase === "over");
}

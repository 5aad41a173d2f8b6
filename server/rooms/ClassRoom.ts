// The class room on Colyseus: connections, messages and the clock go into the ClassSession
// (server/session/), and what the session decides comes back out as client messages and
// schema state (SchemaMirror). No rule of the game or of the class lives here.
//
// Messages: one catch-all "*" handler, not Colyseus 0.18's declarative `messages` map
// with validate(). Read in @colyseus/core 0.18.17 (src/RoomMessages.ts, Room.ts):
// - a payload failing a validate() schema makes the server close the connection
//   (client.leave(WITH_ERROR)) before any handler runs, so the player would never
//   learn why; our contract is a `refused` message with a reason code for every bad input;
// - a type with no entry is an error message in dev mode and a closed connection in
//   production, unless the map has a "_" fallback (which is the catch-all again);
// - the map has no hook that runs before every handler, so the rate limiter (which
//   must answer a flood with `rateLimited`, the built-in maxMessagesPerSecond only
//   disconnects) and the message metric would be repeated in each of ten entries.
// So every message goes to ClassSession.receive, which refuses or routes it: `act`, or the
// host command table (server/session/hostCommands.ts), one typed handler per command —
// the declarative part the map would have given, testable without a socket.
import type { Socket } from "node:net";
import { Room, ServerError, type AuthContext, type Client } from "@colyseus/core";
import { TICK_MS } from "../../shared/engine/config.js";
import { isIdleMs, isTakeoverMs } from "../config.js";
import { serverContext } from "../context.js";
import { joinLimiter } from "../http/AddressLimiter.js";
import { ClassSession, type Admission } from "../session/ClassSession.js";
import { GameLogWriter } from "../session/GameLogWriter.js";
import { randomIds, systemClock, type SessionTransport } from "../session/ports.js";
import { RoomPersistence } from "../session/RoomPersistence.js";
import { MAX_PLAYERS } from "../session/Roster.js";
import { ClassState } from "./schema.js";
import { SchemaMirror } from "./SchemaMirror.js";

export interface ClassRoomOptions {
  roomCode: string;
  hostTokenHash: string;
  /** Re-created after a crash: bring back the roster and the running round. */
  restore?: boolean;
  /** How long a seat waits for its dropped people before a bot plays it; the server's BOT_TAKEOVER_MS by default. */
  botTakeoverMs?: number;
  /** Idle students: nudge and bot thresholds; the server's IDLE_NUDGE_MS and IDLE_BOT_MS by default. */
  idleNudgeMs?: number;
  idleBotMs?: number;
}

/** Seconds a dropped phone keeps its connection slot (phones sleep). */
export const RECONNECT_SECONDS = 120;

/** The Colyseus protocol's code of a state patch (@colyseus/shared-types Protocol.ROOM_STATE_PATCH). */
const ROOM_STATE_PATCH = 15;

/** The clients whose empty patches are already skipped (a reconnection may bring a new one). */
const skipping = new WeakSet<Client>();

/**
 * A patch goes to every client once anything in the state changed, even to those whose view
 * saw none of it: those get the patch code alone, one byte that changes nothing. Most patches
 * between ticks are such for most phones (a few teammates acted); they are not sent.
 */
function skipEmptyPatches(client: Client): void {
  if (skipping.has(client)) return;
  skipping.add(client);
  const raw = client.raw.bind(client);
  client.raw = (data, options, cb) => {
    if (data.length === 1 && data[0] === ROOM_STATE_PATCH) return cb?.();
    raw(data, options, cb);
  };
}

/**
 * Holds each client's socket writes until the step is over (node's `socket.cork()`), so a
 * phone's seat detail and its patch leave in one system call, not one each: the server spent
 * most of its time in `writev`. Reaches the socket under the WebSocket transport's client
 * (`ws`'s own field); another transport is simply not corked.
 */
function corkAll(clients: Iterable<Client>): Socket[] {
  const corked: Socket[] = [];
  for (const client of clients) {
    const socket = (client as unknown as { ref?: { _socket?: Socket } }).ref?._socket;
    if (socket && !socket.destroyed && typeof socket.cork === "function") {
      socket.cork();
      corked.push(socket);
    }
  }
  return corked;
}

export class ClassRoom extends Room<{ state: ClassState }> {
  maxClients = MAX_PLAYERS + 40;
  /** Past this a client is disconnected: a flood, not a person tapping (the session's limiter answers before). */
  maxMessagesPerSecond = 50;
  /** No patch timer of its own: the room's clock sends the patches, aligned with the engine's ticks (see step()). */
  patchRate = null;
  state = new ClassState();

  private readonly ctx = serverContext();
  private session!: ClassSession;
  private writer!: GameLogWriter;
  private persistence!: RoomPersistence;
  /** Arrival times of actions whose effect is waiting for the next patch. */
  private actionsAwaitingPatch: number[] = [];
  /** The clock steps twice a tick (step()): true on the step between two ticks. */
  private halfTick = true;

  async onCreate(options: ClassRoomOptions): Promise<void> {
    const { roomCode, hostTokenHash } = options;
    const { store, config, joinBaseUrl } = this.ctx;
    this.roomId = roomCode;
    this.state.code = roomCode;
    this.autoDispose = false;
    const report = (error: unknown, context: string) => console.error(`room ${roomCode}: ${context}`, error);
    this.writer = new GameLogWriter({ store, roomCode, hostTokenHash, clock: systemClock, report });
    this.persistence = new RoomPersistence({ store, roomCode, hostTokenHash, writer: this.writer, createdAt: new Date().toISOString() });
    const botTakeoverMs = isTakeoverMs(options.botTakeoverMs) ? options.botTakeoverMs : config.botTakeoverMs;
    const idle = {
      nudgeMs: isIdleMs(options.idleNudgeMs) ? options.idleNudgeMs : config.idleNudgeMs,
      botMs: isIdleMs(options.idleBotMs) ? options.idleBotMs : config.idleBotMs,
    };
    this.session = new ClassSession(
      { roomCode, hostTokenHash, joinUrl: `${joinBaseUrl}/?code=${roomCode}`, botTakeoverMs, idle },
      {
        clock: systemClock,
        ids: randomIds,
        transport: this.transport(),
        mirror: new SchemaMirror(
          this.state,
          (id) => this.clients.get(id),
          () => this.session,
        ),
        log: this.writer,
        saveSoon: () => this.persistence.saveSoon(() => this.session.snapshot()),
        report,
      },
    );
    this.onMessage("*", (client: Client, type: string | number, message: unknown) => {
      this.ctx.metrics.message();
      this.session.receive(client.sessionId, String(type), message);
    });
    if (options.restore) await this.persistence.restore(this.session);
    this.setTimestep(() => this.step(), TICK_MS / 2);
    this.ctx.metrics.rooms++;
  }

  onAuth(_client: Client, options: unknown, context?: AuthContext): Admission {
    if (!joinLimiter.allow(context?.ip)) throw new ServerError(4429, "rateLimited");
    const admission = this.session.admit(options);
    if (!admission.ok) throw new ServerError(admission.code, admission.reason);
    return admission;
  }

  onJoin(client: Client, _options: unknown, admission: Admission & { ok: true }): void {
    skipEmptyPatches(client);
    const joined = this.session.join(client.sessionId, admission);
    if (!joined.ok) throw new ServerError(4403, joined.reason);
    if (admission.kind === "player") this.ctx.metrics.players++;
  }

  onDrop(client: Client): void {
    this.session.drop(client.sessionId);
    this.allowReconnection(client, RECONNECT_SECONDS).catch(() => undefined);
  }

  onReconnect(client: Client): void {
    skipEmptyPatches(client);
    this.session.reconnect(client.sessionId);
  }

  onLeave(client: Client): void {
    if (this.session.leave(client.sessionId) === "player") this.ctx.metrics.players = Math.max(0, this.ctx.metrics.players - 1);
  }

  async onDispose(): Promise<void> {
    this.ctx.metrics.rooms = Math.max(0, this.ctx.metrics.rooms - 1);
    this.persistence.cancel();
    this.session.flushLog();
    await this.writer.settled();
  }

  broadcastPatch(): boolean {
    const sent = super.broadcastPatch();
    if (this.actionsAwaitingPatch.length) {
      const now = performance.now();
      for (const at of this.actionsAwaitingPatch) this.ctx.metrics.actionToPatch(now - at);
      this.actionsAwaitingPatch = [];
    }
    return sent;
  }

  /**
   * Twice a tick: the engine's tick (every other step) and then a patch, so what a tick
   * changed goes out at once; in between, a patch with what people's actions changed (their
   * own lastAction, idle flags), so an action waits at most half a tick for its patch.
   * Colyseus's own timer (patchRate) ran unaligned with the tick, 20 times a second.
   */
  private step(): void {
    this.halfTick = !this.halfTick;
    // Only a tick writes more than one message to a client (its seat detail, then the patch).
    const corked = this.halfTick ? [] : corkAll(this.clients);
    try {
      if (!this.halfTick) {
        const started = performance.now();
        if (this.session.tick()) this.ctx.metrics.tick(performance.now() - started);
      }
      this.broadcastPatch();
    } finally {
      for (const socket of corked) socket.uncork();
    }
  }

  private transport(): SessionTransport {
    return {
      send: (id, type, message) => this.clients.get(id)?.send(type, message),
      refuse: (id, refusal) => {
        this.ctx.metrics.refusal(refusal.reason.code);
        this.clients.get(id)?.send("refused", refusal);
      },
      // Not Colyseus's lock(): a locked matchmaker refuses every seat reservation, resume and
      // host tokens included. The session's door (auth.ts) keeps new names out of a locked
      // room and lets returning phones and the projector in; the lock is published as
      // metadata for the join page's lookup.
      setJoinable: (joinable) =>
        void this.setMetadata({ locked: !joinable }).catch((error: unknown) => console.error(`room ${this.roomId}: cannot publish the lock`, error)),
      actionApplied: () => this.actionsAwaitingPatch.push(performance.now()),
    };
  }
}

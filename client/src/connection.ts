// The client's only user of the Colyseus SDK and of the HTTP API. Pages and scenes call
// its methods and listen to its events; none of them touches the SDK directly.
import { Client, type Room } from "@colyseus/sdk";
import type { CatalogueScenario } from "../../shared/scenarios/catalogue.js";
import type {
  ActMessage,
  GameListing,
  HostMessageName,
  HostPayloads,
  LessonMessageName,
  LessonPayloads,
  PlayerAction,
  ServerMessages,
  WelcomeMessage,
} from "../../shared/protocol.js";
import type { RoomStateView } from "../../shared/view/roomState.js";
import { joinErrorCode, keepsSeat, type JoinErrorCode } from "./joinErrors.js";

export type Status = "connecting" | "connected" | "reconnecting" | "disconnected";

export type Welcome = WelcomeMessage;

/** What pages listen to: every message the room sends, its state, and the connection's status. */
interface Events extends ServerMessages {
  status: Status;
  state: RoomStateView;
}

type Listener<K extends keyof Events> = (value: Events[K]) => void;

export class JoinError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const resumeKey = (code: string) => `eo:resume:${code}`;
const HOSTED_KEY = "eo:hosted";

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export interface HostedRoom {
  roomCode: string;
  hostToken: string;
  createdAt: string;
}

export class Connection {
  private readonly client: Client;
  private room: Room | null = null;
  private readonly listeners = new Map<keyof Events, Set<(v: unknown) => void>>();
  private n = 0;
  private code = "";
  private resumeToken: string | null = null;
  status: Status = "connecting";

  constructor(readonly baseUrl: string = location.origin) {
    this.client = new Client(baseUrl);
  }

  on<K extends keyof Events>(event: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (v: unknown) => void);
    return () => set?.delete(listener as (v: unknown) => void);
  }

  private emit<K extends keyof Events>(event: K, value: Events[K]): void {
    for (const l of this.listeners.get(event) ?? []) l(value);
  }

  private setStatus(status: Status): void {
    this.status = status;
    this.emit("status", status);
  }

  get state(): RoomStateView | undefined {
    return this.room?.state as RoomStateView | undefined;
  }

  // --- HTTP -------------------------------------------------------------------------------

  async createRoom(): Promise<{ roomCode: string; hostToken: string; joinUrl: string }> {
    const res = await fetch(`${this.baseUrl}/api/rooms`, { method: "POST" });
    if (!res.ok) throw new JoinError(res.status === 429 ? "rateLimited" : "serverError");
    const room = (await res.json()) as { roomCode: string; hostToken: string; joinUrl: string };
    const hosted = Connection.hostedRooms().filter((h) => h.roomCode !== room.roomCode);
    hosted.unshift({ roomCode: room.roomCode, hostToken: room.hostToken, createdAt: new Date().toISOString() });
    storage()?.setItem(HOSTED_KEY, JSON.stringify(hosted.slice(0, 50)));
    return room;
  }

  /** The rooms this browser created, newest first (their host tokens open their games). */
  static hostedRooms(): HostedRoom[] {
    try {
      const value = JSON.parse(storage()?.getItem(HOSTED_KEY) ?? "[]") as unknown;
      return Array.isArray(value) ? (value as HostedRoom[]).filter((h) => typeof h?.roomCode === "string" && typeof h?.hostToken === "string") : [];
    } catch {
      return [];
    }
  }

  async roomExists(code: string): Promise<boolean> {
    const res = await fetch(`${this.baseUrl}/api/rooms/${encodeURIComponent(code)}`);
    return res.ok;
  }

  async catalogue(): Promise<CatalogueScenario[]> {
    return (await (await fetch(`${this.baseUrl}/api/catalogue`)).json()) as CatalogueScenario[];
  }

  async games(hostToken: string): Promise<GameListing[]> {
    const res = await fetch(`${this.baseUrl}/api/games`, { headers: { Authorization: `Bearer ${hostToken}` } });
    return res.ok ? ((await res.json()) as GameListing[]) : [];
  }

  async gameLog(gameId: string, hostToken: string): Promise<string> {
    const res = await fetch(`${this.baseUrl}/api/games/${encodeURIComponent(gameId)}/log`, { headers: { Authorization: `Bearer ${hostToken}` } });
    if (!res.ok) throw new JoinError(String(res.status));
    return res.text();
  }

  // --- rooms ------------------------------------------------------------------------------

  async joinAsHost(code: string, hostToken: string): Promise<void> {
    await this.attach(code, { hostToken });
  }

  /**
   * Joins by code; with a stored resume token for this code, comes back to the same seat
   * instead. The token is forgotten only when the room no longer knows it; a locked room or
   * a network out of reach leaves it for the next try.
   */
  async joinAsPlayer(code: string, name: string): Promise<void> {
    const token = storage()?.getItem(resumeKey(code));
    if (token) {
      try {
        await this.attach(code, { resumeToken: token });
        return;
      } catch (error) {
        if (error instanceof JoinError && keepsSeat(error.code as JoinErrorCode)) throw error;
        storage()?.removeItem(resumeKey(code));
        if (!name) throw error;
      }
    }
    await this.attach(code, { name });
  }

  static storedResume(code: string): boolean {
    return !!storage()?.getItem(resumeKey(code));
  }

  private async attach(code: string, options: Record<string, unknown>): Promise<void> {
    this.setStatus("connecting");
    let room: Room;
    try {
      room = await this.client.joinById(code, options);
    } catch (error) {
      this.setStatus("disconnected");
      throw new JoinError(joinErrorCode(error));
    }
    this.room = room;
    this.code = code;
    room.reconnection.maxRetries = 30;
    room.onMessage("welcome", (w: ServerMessages["welcome"]) => {
      if (w.resumeToken) {
        this.resumeToken = w.resumeToken;
        storage()?.setItem(resumeKey(code), w.resumeToken);
      }
      this.emit("welcome", w);
    });
    this.relay(room, "seat");
    this.relay(room, "refused");
    this.relay(room, "roundOver");
    this.relay(room, "events");
    this.relay(room, "history");
    this.relay(room, "lessonResults");
    this.relay(room, "lessonSummary");
    this.relay(room, "yourAnswer");
    room.onStateChange((s: unknown) => this.emit("state", s as RoomStateView));
    room.onDrop(() => this.setStatus("reconnecting"));
    room.onReconnect(() => this.setStatus("connected"));
    room.onLeave((code: number) => {
      if (this.room !== room) return;
      this.room = null;
      if (code === 1000 || code === 4000) return this.setStatus("disconnected");
      // The automatic reconnection gave up: join again with the resume token (same seat).
      this.setStatus("reconnecting");
      void this.rejoin();
    });
    this.setStatus("connected");
  }

  /** Passes a room message on to the page's listeners, typed by its name. */
  private relay<K extends keyof ServerMessages>(room: Room, type: K): void {
    room.onMessage(type, (payload: ServerMessages[K]) => this.emit(type, payload as Events[K]));
  }

  private async rejoin(): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** attempt)));
      if (!this.resumeToken) break;
      try {
        await this.attach(this.code, { resumeToken: this.resumeToken });
        return;
      } catch {
        /* try again */
      }
    }
    this.setStatus("disconnected");
  }

  /** Sends a player's action; returns its sequence number (echoed in a refusal). */
  act(action: PlayerAction, args: Omit<ActMessage, "action" | "n"> = {}): number {
    const n = ++this.n;
    this.room?.send("act", { action, ...args, n });
    return n;
  }

  /** Sends a student's poll answer or prediction (lesson mode). */
  answer<K extends LessonMessageName>(type: K, payload: LessonPayloads[K]): void {
    this.room?.send(type, payload);
  }

  /** Sends a student's design choice for one setting of their end (the design phase). */
  design(setting: string, value: string): void {
    this.room?.send("design", { setting, value });
  }

  /** Sends a host command; the bare ones (start, pause, resume, end) carry an empty payload. */
  host<K extends HostMessageName>(type: K, ...payload: HostPayloads[K] extends undefined ? [] : [HostPayloads[K]]): void {
    this.room?.send(type, payload[0] ?? {});
  }

  async leave(): Promise<void> {
    const room = this.room;
    this.room = null;
    await room?.leave(true);
  }
}

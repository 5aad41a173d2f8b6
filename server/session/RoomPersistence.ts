// A room that survives its server: its snapshot (roster, settings) is saved shortly after
// each change, and after a crash the room comes back from it, with the round that was
// running rebuilt from its log (shared/sim/restore.ts) and continued in a new game.
import { parseLog } from "../../shared/log/log.js";
import { restoreRound } from "../../shared/sim/restore.js";
import type { LogStore } from "../logs/LogStore.js";
import type { ClassSession, RoomSnapshot } from "./ClassSession.js";
import type { GameLogWriter } from "./GameLogWriter.js";

/** Changes within this window are saved together. */
export const SAVE_DELAY_MS = 300;

export interface RoomPersistenceOptions {
  store: LogStore;
  roomCode: string;
  hostTokenHash: string;
  /** Saves go through the log writer's queue, so they keep their order with the log's writes. */
  writer: GameLogWriter;
  /** ISO 8601 time the room was created, replaced by the stored one on restore. */
  createdAt: string;
}

export class RoomPersistence {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private createdAt: string;

  constructor(private readonly options: RoomPersistenceOptions) {
    this.createdAt = options.createdAt;
  }

  /** Saves `snapshot()` after SAVE_DELAY_MS, once for every change made meanwhile. */
  saveSoon(snapshot: () => RoomSnapshot): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save(snapshot());
    }, SAVE_DELAY_MS);
  }

  /** Queues a save now. */
  save(snapshot: RoomSnapshot): void {
    const { roomCode, hostTokenHash, writer } = this.options;
    const meta = { roomCode, hostTokenHash, createdAt: this.createdAt, savedAt: new Date().toISOString(), snapshot };
    writer.enqueue("cannot save the roster", (store) => store.saveRoom(meta));
  }

  /** A save not yet made is dropped (the room is going away). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * After a crash: the roster and settings come back from the room's snapshot; a round
   * that was running is rebuilt from its log and continues, paused (or draining), in a
   * new game whose log starts with the old one's complete ticks. The old game is closed
   * with a summary line naming the new one.
   */
  async restore(session: ClassSession): Promise<void> {
    const { store, roomCode, hostTokenHash, writer } = this.options;
    const meta = await store.getRoom(roomCode);
    if (!meta) return;
    this.createdAt = meta.createdAt;
    const snapshot = meta.snapshot as RoomSnapshot | undefined;
    if (!snapshot) return;
    session.restore(snapshot);
    const games = await store.listGames({ hostTokenHash, limit: 20 });
    const last = games.find((g) => g.roomCode === roomCode);
    if (!last || last.endedAt !== null) return;
    const text = await store.readLog(last.gameId);
    const parsed = text === null ? null : parseLog(text);
    if (!parsed?.header) return;
    const restored = restoreRound(parsed.header, parsed.events, session.gameIdFor(snapshot.round));
    writer.interrupt(last.gameId, restored?.round.header.gameId ?? null);
    if (restored) session.continueRound(restored);
  }
}

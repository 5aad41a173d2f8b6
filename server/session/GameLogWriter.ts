// The room's writes to its LogStore, one after another in call order: a game's header
// before its lines, its lines before its summary, and the room's snapshots in between.
// A failed write is reported and the chain goes on; the round never waits for the disk.
import type { Report, RoundSummary } from "../../shared/checker/checker.js";
import type { Emitted } from "../../shared/engine/kernel.js";
import { eventLine, headerLine, interruptedSummaryLine, summaryLine } from "../../shared/log/log.js";
import type { LogHeader } from "../../shared/sim/round.js";
import type { LogStore } from "../logs/LogStore.js";
import type { Clock, GameLog } from "./ports.js";

/** Lines per append when a restored round writes the events it had already lived. */
const CHUNK = 2000;

export interface GameLogWriterOptions {
  store: LogStore;
  roomCode: string;
  hostTokenHash: string;
  clock: Clock;
  /** A write that failed (the store is down, the disk full): logged by the room. */
  report(error: unknown, context: string): void;
}

export class GameLogWriter implements GameLog {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly options: GameLogWriterOptions) {}

  /** Queues a write after every earlier one; its failure is reported as `context`. */
  enqueue(context: string, write: (store: LogStore) => Promise<void>): void {
    this.chain = this.chain.then(() => write(this.options.store).catch((error: unknown) => this.options.report(error, context)));
  }

  /** Resolves once every write queued so far has been tried. */
  settled(): Promise<void> {
    return this.chain;
  }

  begin(header: LogHeader, lived: readonly Emitted[]): void {
    const { roomCode, hostTokenHash, clock } = this.options;
    const lines = lived.map(eventLine);
    const { gameId, scenario, variant, seed } = header;
    const createdAt = new Date(clock.now()).toISOString();
    const meta = { gameId, roomCode, hostTokenHash, scenario, variant, seed, teams: header.teams.length, createdAt, endedAt: null, summary: null };
    this.enqueue("cannot create game log", async (store) => {
      await store.createGame(meta, headerLine(header));
      for (let i = 0; i < lines.length; i += CHUNK) await store.append(header.gameId, lines.slice(i, i + CHUNK));
    });
  }

  append(gameId: string, lines: string[]): void {
    this.enqueue("log append failed", (store) => store.append(gameId, lines));
  }

  finish(gameId: string, summary: RoundSummary, report: Report): void {
    const line = summaryLine(summary, report.teams);
    this.enqueue("cannot finish game log", (store) => store.finishGame(gameId, line, summary));
  }

  interrupt(gameId: string, continuedIn: string | null): void {
    const line = interruptedSummaryLine(continuedIn);
    this.enqueue("cannot close the interrupted game log", (store) => store.finishGame(gameId, line, { interrupted: true }));
  }
}

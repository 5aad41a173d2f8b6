// Bots: one per seat that no person plays. They read the team's state and return at most
// one command a tick, like a player tapping a button. `naive` plays as a newcomer would;
// `careful` plays the topic's correct pattern. During the drain every bot is careful.
import { canPublish } from "../engine/producer.js";
import { mixSeed, nextInt, type RandomSource } from "../engine/prng.js";
import type { Command, ConsumerState, InboxToken, ProducerState, TeamState } from "../engine/types.js";
import { BROKER } from "../engine/types.js";

export type Strategy = "naive" | "careful";
export const STRATEGIES: Strategy[] = ["naive", "careful"];

/** A careful consumer waits this long for a missing predecessor before giving up on order. */
export const HOLD_TICKS = 40;

export interface BotState extends RandomSource {
  seat: string;
  strategy: Strategy;
  nextActAt: number;
  nextSendAt: number;
  /** Dual write: when the second step (publish) is due. */
  secondStepAt: number;
  routeTurn: number;
}

export function createBot(seat: string, strategy: Strategy, seed: number, team: number): BotState {
  return { seat, strategy, rngState: mixSeed(seed, team, seat, "bot"), nextActAt: 0, nextSendAt: 0, secondStepAt: -1, routeTurn: 0 };
}

/** The command this bot issues at the current tick, or null. */
export function botCommand(s: TeamState, bot: BotState): Command | null {
  if (s.tick < bot.nextActAt) return null;
  const careful = bot.strategy === "careful" || s.draining;
  let command: Command | null;
  if (bot.seat === BROKER) command = brokerMove(s, bot, careful);
  else if (bot.seat.startsWith("P")) command = producerMove(s, bot, careful, s.producers.find((p) => p.id === bot.seat));
  else command = consumerMove(s, careful, s.consumers.find((c) => c.id === bot.seat));
  if (command) bot.nextActAt = s.tick + 1 + nextInt(bot, careful ? 2 : 3);
  return command;
}

function producerMove(s: TeamState, bot: BotState, careful: boolean, p: ProducerState | undefined): Command | null {
  if (!p || !p.up) return null;
  const cfg = s.config.producer;
  const seat = p.id;
  const retryable = cfg.publish === "ackRetry" || cfg.publish === "ackRetryDedup";
  if (careful && retryable && !canPublish(s, p, true)) {
    const late = p.sent.find((r) => r.status === "timedOut");
    if (late) return { seat, action: "retry", msgId: late.msgId };
  }
  if (cfg.write === "dualWrite" && p.dualWrite) {
    if (s.tick < bot.secondStepAt && !s.draining) return null;
    const step = p.dualWrite;
    if (!step.saved) return { seat, action: "saveDb" };
    return canPublish(s, p) ? null : { seat, action: "publish" };
  }
  if (s.draining || p.stack.length === 0 || s.tick < bot.nextSendAt) return null;
  if (cfg.write === "publishOnly" && canPublish(s, p)) return null; // wait for a free slot
  const every = s.config.workload.sendEveryTicks;
  bot.nextSendAt = s.tick + Math.max(1, every - Math.floor(every / 3) + nextInt(bot, Math.floor((2 * every) / 3) + 1));
  if (cfg.write === "outbox") return { seat, action: "commitOutbox" };
  if (cfg.write === "dualWrite") {
    // The newcomer saves, then publishes a moment later; the careful one right away.
    bot.secondStepAt = s.tick + (careful ? 1 : 4 + nextInt(bot, 6));
    return { seat, action: "saveDb" };
  }
  return { seat, action: "send" };
}

function brokerMove(s: TeamState, bot: BotState, careful: boolean): Command | null {
  const b = s.broker;
  if (!b.up || !s.config.broker.manual) return null;
  const item = b.intake[0];
  if (!item) return null;
  const seat = BROKER;
  const token = item.token.id;
  if (careful) {
    if (s.config.broker.durable && !item.persisted) return { seat, action: "persist", token };
    if (!item.routed) return { seat, action: "route", token, target: "all" };
    return { seat, action: "confirm", token };
  }
  // The newcomer confirms first (before the message is safe) and, on a topic, routes like a queue: to one subscription.
  if (!item.confirmed) return { seat, action: "confirm", token };
  const subs = b.subscriptions;
  const target = s.config.broker.channel === "topic" ? subs[bot.routeTurn++ % subs.length].name : "all";
  return { seat, action: "route", token, target };
}

function consumerMove(s: TeamState, careful: boolean, c: ConsumerState | undefined): Command | null {
  if (!c || !c.up || c.inbox.length === 0) return null;
  const cfg = s.config.consumer;
  const seat = c.id;
  for (const item of c.inbox) {
    if (item.acked) continue;
    if (cfg.ack === "beforeProcessing" || (cfg.ack === "afterProcessing" && (item.processed || item.checked === true))) return { seat, action: "ack", token: item.token.id };
  }
  if (c.processing) return null;
  // The first token that can be processed (not done, not known as a duplicate, acked if it must be, key not locked by another).
  const store = s.stores.get(c.subscription);
  const locks = cfg.lockPerKey ? store?.locks : undefined;
  let first: InboxToken | undefined;
  for (const i of c.inbox) {
    if (i.processed || i.checked === true || (cfg.ack === "beforeProcessing" && !i.acked)) continue;
    const holder = locks?.get(i.token.key);
    if (holder !== undefined && holder !== c.id) continue;
    if (!careful || !cfg.allowHold) {
      first = i;
      break;
    }
    if (isReady(s, i, store?.highestSeq) && (!first || i.token.seq < first.token.seq || (i.token.seq === first.token.seq && i.receivedAt < first.receivedAt))) first = i;
  }
  if (!first) return null;
  if (careful && cfg.idempotency !== "none" && first.checked === null) return { seat, action: "check", token: first.token.id };
  return { seat, action: "process", token: first.token.id };
}

/** Its predecessor (same key, seq - 1) is applied already, or it has waited long enough: a careful consumer may process it. */
function isReady(s: TeamState, item: InboxToken, highest: Map<string, number> | undefined): boolean {
  return item.token.seq <= (highest?.get(item.token.key) ?? 0) + 1 || s.tick - item.receivedAt >= HOLD_TICKS;
}

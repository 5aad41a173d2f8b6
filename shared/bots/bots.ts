// Bots: one per seat that no person plays. They read the team's state and return at most
// one command a tick, like a player tapping a button. `naive` plays as a newcomer would:
// it uses the variant's mechanisms, clumsily (it retries what timed out once it notices,
// newest first, as the phone lists them; it hands a message whose processing failed back
// with a nack and requeue, where it may); `careful` plays the topic's correct pattern (it
// retries a failed processing in place).
// During the drain every bot is careful. Both send business events only as they become
// available.
import { lockedFor } from "../engine/keyLock.js";
import { canPublish } from "../engine/producer.js";
import { mixSeed, nextInt, type RandomSource } from "../engine/prng.js";
import type { Command, ConsumerState, InboxToken, ProducerState, TeamState } from "../engine/types.js";
import { exchangeRoute } from "../engine/exchange.js";
import { BROKER } from "../engine/types.js";

export type Strategy = "naive" | "careful";
export const STRATEGIES: Strategy[] = ["naive", "careful"];

/** A newcomer notices that a publish timed out this long after it did. */
export const NOTICE_TICKS = 5;

export interface BotState extends RandomSource {
  seat: string;
  strategy: Strategy;
  nextActAt: number;
  /** Dual write: when the second step (publish) is due. */
  secondStepAt: number;
}

export function createBot(seat: string, strategy: Strategy, seed: number, team: number): BotState {
  return { seat, strategy, rngState: mixSeed(seed, team, seat, "bot"), nextActAt: 0, secondStepAt: -1 };
}

/** The command this bot issues at the current tick, or null. */
export function botCommand(s: TeamState, bot: BotState): Command | null {
  if (s.tick < bot.nextActAt) return null;
  const careful = bot.strategy === "careful" || s.draining;
  let command: Command | null;
  if (bot.seat === BROKER) command = brokerMove(s, careful);
  else if (bot.seat.startsWith("P"))
    command = producerMove(
      s,
      bot,
      careful,
      s.producers.find((p) => p.id === bot.seat),
    );
  else
    command = consumerMove(
      s,
      careful,
      s.consumers.find((c) => c.id === bot.seat),
    );
  if (command) bot.nextActAt = s.tick + 1 + nextInt(bot, careful ? 2 : 3);
  return command;
}

function producerMove(s: TeamState, bot: BotState, careful: boolean, p: ProducerState | undefined): Command | null {
  if (!p || !p.up) return null;
  const cfg = s.config.producer;
  const seat = p.id;
  const late = toRetry(s, p, careful);
  if (late) return { seat, action: "retry", msgId: late };
  if (cfg.write === "dualWrite" && p.dualWrite) {
    if (s.tick < bot.secondStepAt && !s.draining) return null;
    const step = p.dualWrite;
    if (!step.saved && (step.published || !cfg.publishFirst)) return { seat, action: "saveDb" };
    if (step.published) return null;
    return canPublish(s, p) ? null : { seat, action: "publish" };
  }
  const next = p.stack[0];
  if (s.draining || !next || next.availableAt > s.tick) return null;
  if ((cfg.write === "publishOnly" || cfg.write === "listenToYourself") && canPublish(s, p)) return null; // wait for a free slot
  if (cfg.write === "outbox") return { seat, action: "commitOutbox" };
  if (cfg.write === "dualWrite") {
    // The newcomer does the first step (the variant's: save, or publish), then the second a
    // moment later; the careful one right away.
    if (cfg.publishFirst && canPublish(s, p)) return null;
    bot.secondStepAt = s.tick + (careful ? 1 : 4 + nextInt(bot, 6));
    return { seat, action: cfg.publishFirst ? "publish" : "saveDb" };
  }
  return { seat, action: "send" };
}

/**
 * The timed-out publish to retry now, if the variant retries and a retry may go: the
 * careful producer retries the oldest at once; the newcomer retries the newest one it has
 * noticed (NOTICE_TICKS after its time-out), as its phone lists the newest first.
 */
function toRetry(s: TeamState, p: ProducerState, careful: boolean): string | null {
  const cfg = s.config.producer;
  if ((cfg.publish !== "ackRetry" && cfg.publish !== "ackRetryDedup") || p.timedOut === 0 || canPublish(s, p, true)) return null;
  let noticed: string | null = null;
  for (const r of p.sent) {
    if (r.status !== "timedOut") continue;
    if (careful) return r.msgId;
    if (s.tick >= r.sentAt + cfg.ackTimeoutTicks + NOTICE_TICKS) noticed = r.msgId;
  }
  return noticed;
}

function brokerMove(s: TeamState, careful: boolean): Command | null {
  const b = s.broker;
  if (!b.up || !s.config.broker.manual) return null;
  const item = b.intake[0];
  if (!item) return null;
  const seat = BROKER;
  const token = item.token.id;
  // Behind an exchange, the queues whose binding matches the message's routing key.
  const exchange = s.config.broker.exchange;
  const matching = exchange ? exchangeRoute(exchange, item.token.key) : null;
  if (careful) {
    if (s.config.broker.durable && !item.persisted) return { seat, action: "persist", token };
    if (matching) {
      // Every matching binding, one at a time, before the confirm.
      const next = matching.find((q) => !item.routedTo.includes(q));
      if (next) return { seat, action: "route", token, target: next };
    } else if (!item.routed) return { seat, action: "route", token, target: "all" };
    return { seat, action: "confirm", token };
  }
  // The newcomer confirms first, before the message is safe, then routes it (a queue's or a
  // topic's routing is the channel's: "all" is every subscription it has), and never persists.
  // Behind an exchange it stops at the first binding that matches, forgetting that a routing
  // key may match several (a fanout exchange's "every queue" it does get right).
  if (!item.confirmed) return { seat, action: "confirm", token };
  const everyQueue = !matching || matching.length === s.broker.subscriptions.length;
  return { seat, action: "route", token, target: everyQueue ? "all" : matching[0] };
}

function consumerMove(s: TeamState, careful: boolean, c: ConsumerState | undefined): Command | null {
  if (!c || !c.up || c.inbox.length === 0) return null;
  const cfg = s.config.consumer;
  const seat = c.id;
  const acks = !cfg.ackWithEffect && !s.config.broker.sharedDb;
  for (const item of c.inbox) {
    if (item.acked || !acks || !reachable(c, item)) continue;
    if (cfg.ack === "beforeProcessing" || (cfg.ack === "afterProcessing" && (item.processed || item.checked === true)))
      return { seat, action: "ack", token: item.token.id };
  }
  if (!careful && cfg.allowNack && cfg.ack !== "auto" && s.config.broker.nack !== "none")
    for (const item of c.inbox)
      if (item.failed && !item.acked && c.processing?.token !== item.token.id) return { seat, action: "nack", token: item.token.id, requeue: true };
  const store = s.stores.get(c.subscription);
  const highest = store?.highestSeq;
  if (careful && cfg.allowHold) {
    // The resequencing pattern: put every early token on hold while the buffer has room.
    let held = 0;
    for (const i of c.inbox) if (i.held) held++;
    if (held < cfg.holdCapacity) for (const i of c.inbox) if (open(c, i) && early(i, highest)) return { seat, action: "hold", token: i.token.id };
  }
  if (c.processing) return null;
  // The first token that can be processed (not held, not done, not known as a duplicate,
  // acked if it must be, key not locked by another); the careful resequencer takes the
  // lowest seq, one whose predecessor was applied first.
  const locks = cfg.lockPerKey ? store : undefined;
  let first: InboxToken | undefined;
  for (const i of c.inbox) {
    if (!open(c, i) || (cfg.ack === "beforeProcessing" && !i.acked)) continue;
    if (locks && lockedFor(locks, i.token.key, c.id)) continue;
    if (!careful || !cfg.allowHold) {
      first = i;
      break;
    }
    const firstEarly = first !== undefined && early(first, highest);
    if (!first || (firstEarly && !early(i, highest)) || (firstEarly === early(i, highest) && i.token.seq < first.token.seq)) first = i;
  }
  if (!first) return null;
  if (careful && cfg.idempotency !== "none" && first.checked === null) return { seat, action: "check", token: first.token.id };
  return { seat, action: "process", token: first.token.id };
}

/** Its predecessor (same key, seq - 1) has not been applied at the consumer's subscription. */
function early(i: InboxToken, highest: Map<string, number> | undefined): boolean {
  return i.token.seq > (highest?.get(i.token.key) ?? 0) + 1;
}

/**
 * Not held, not done, not known as a duplicate, not being processed: a token a move can
 * take. A redelivery reuses its copy's token id, so a command reaches the first inbox item
 * with that id: a later one with the same id is not the bot's to pick.
 */
function open(c: ConsumerState, i: InboxToken): boolean {
  if (i.held || i.processed || i.checked === true || c.processing?.token === i.token.id) return false;
  return reachable(c, i);
}

/** The first inbox item with its token id: the one a command naming that token reaches. */
function reachable(c: ConsumerState, i: InboxToken): boolean {
  for (const x of c.inbox) if (x.token.id === i.token.id) return x === i;
  return false;
}

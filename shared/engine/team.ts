// One team's pipeline: its creation from a variant and a seed, and `stepTeam`, which turns
// the commands applied at a tick into the events of that tick. Deterministic: the same
// state and commands always give the same events and the same next state.
import type { LinkConfig, VariantConfig } from "./config.js";
import { brokerCommand, brokerQuiet, brokerTick, onPersisted, onPublish, restartBroker } from "./broker.js";
import { deliveryLeftWire, onAck } from "./delivery.js";
import {
  connectionBroken,
  consumerRejoined,
  onAckLost,
  onDeliveryLost,
  onHeartbeatTimeout,
  onNack,
  onRecommit,
  onRedeliveryDue,
  onSessionTimeout,
} from "./returns.js";
import { consumerCommand, consumerQuiet, onDeliver, onHoldTimeout, onRpc, restartConsumer } from "./consumer.js";
import { onProcessDone } from "./effect.js";
import { onLeaseEnd } from "./keyLock.js";
import { applyFault, checkFault } from "./faults.js";
import { dropOnArrival, emit, linkId, type Emitted, type Out } from "./kernel.js";
import { mixSeed, nextInt, type RandomSource } from "./prng.js";
import { onConfirm, onTimeout, producerCommand, producerQuiet, restartProducer } from "./producer.js";
import { runRelay } from "./relay.js";
import type { BusinessEvent, Command, ConsumerState, LinkState, Packet, ProducerState, RefusalReason, Role, Scheduled, Store, TeamState } from "./types.js";
import { BROKER, HOST_SEAT } from "./types.js";

export const KEY_NAMES = [
  "ana",
  "bruno",
  "carla",
  "davi",
  "elisa",
  "fabio",
  "gabi",
  "heitor",
  "iara",
  "joao",
  "karina",
  "lucas",
  "marina",
  "nuno",
  "olga",
  "pedro",
];
export const TOPIC_SUBSCRIPTIONS = ["billing", "shipping", "loyalty", "email", "audit", "stock"];
export const QUEUE_SUBSCRIPTION = "orders";
/** Listen to yourself: the producer's own service reads the topic on this subscription and writes its DB from it. */
export const SELF_SUBSCRIPTION = "self";

export function producerIds(config: VariantConfig): string[] {
  return Array.from({ length: config.topology.producers }, (_, i) => `P${i + 1}`);
}

export function consumerIds(config: VariantConfig): string[] {
  return Array.from({ length: config.topology.consumers }, (_, i) => `C${i + 1}`);
}

/** The subscriptions of a variant: one shared by all consumers of a queue, one per consumer of a topic. */
export function subscriptionsOf(config: VariantConfig): { name: string; consumers: string[] }[] {
  const consumers = consumerIds(config);
  if (config.broker.channel === "queue" || config.producer.directRpc) return [{ name: QUEUE_SUBSCRIPTION, consumers }];
  const own = config.producer.write === "listenToYourself" ? 1 : 0;
  return consumers.map((c, i) => {
    if (i < own) return { name: SELF_SUBSCRIPTION, consumers: [c] };
    const n = i - own;
    return { name: TOPIC_SUBSCRIPTIONS[n % TOPIC_SUBSCRIPTIONS.length] + (n >= TOPIC_SUBSCRIPTIONS.length ? `-${n}` : ""), consumers: [c] };
  });
}

/**
 * The expected effects' subscriptions (what the checker counts per business event): the
 * broker's subscriptions, and an external system the consumers post to outside their
 * transaction (consumer.externalEffect), which expects each event once too.
 */
export function expectedSubscriptions(config: VariantConfig): string[] {
  const names = subscriptionsOf(config).map((x) => x.name);
  const external = config.consumer.externalEffect;
  return external ? [...names, external] : names;
}

/**
 * The business events each producer will commit, the same for every team of a round. Each
 * key belongs to one producer. The work comes in bursts: one to three events of a key (a
 * customer doing a few things in a row) become available together, the bursts spaced so
 * that on average one event becomes available every `sendEveryTicks` (the producers
 * interleaved), from tick 0. A key's first event is a deposit; later ones are deposits or
 * withdrawals that take half to all of what the account holds at that point of its `seq`
 * order, so a withdrawal applied before the deposits it depends on is declined.
 */
export function businessEvents(config: VariantConfig, seed: number): BusinessEvent[][] {
  const rng: RandomSource = { rngState: mixSeed(seed, "workload") };
  const producers = config.topology.producers;
  const every = config.workload.sendEveryTicks;
  const count = config.workload.eventsPerProducer;
  const keyCount = Math.max(producers, Math.min(config.workload.keys, KEY_NAMES.length * 4));
  const keyName = (k: number) => (k < KEY_NAMES.length ? KEY_NAMES[k] : `${KEY_NAMES[k % KEY_NAMES.length]}${Math.floor(k / KEY_NAMES.length) + 1}`);
  const seqByKey = new Map<string, number>();
  const balanceByKey = new Map<string, number>();
  return Array.from({ length: producers }, (_, p) => {
    const own: string[] = [];
    for (let k = p; k < keyCount; k += producers) own.push(keyName(k));
    const offset = Math.floor((p * every) / producers);
    const events: BusinessEvent[] = [];
    while (events.length < count) {
      const key = own[nextInt(rng, own.length)];
      const availableAt = events.length * every + offset;
      for (let size = 1 + nextInt(rng, 3); size > 0 && events.length < count; size--) {
        const seq = (seqByKey.get(key) ?? 0) + 1;
        seqByKey.set(key, seq);
        const balance = balanceByKey.get(key) ?? 0;
        const amount = amountFor(rng, balance);
        balanceByKey.set(key, balance + amount);
        events.push({ msgId: `P${p + 1}-${events.length + 1}`, key, seq, amount, availableAt });
      }
    }
    return events;
  });
}

/** A deposit of 5 to 50; or, two times in five once the account holds 10 or more, a withdrawal of half to all of it. */
function amountFor(rng: RandomSource, balance: number): number {
  if (balance >= 10 && nextInt(rng, 5) < 2) return -(Math.ceil(balance / 2) + nextInt(rng, Math.floor(balance / 2) + 1));
  return 5 + nextInt(rng, 46);
}

function makeLink(from: string, to: string, cfg: LinkConfig): LinkState {
  return {
    id: linkId(from, to),
    from,
    to,
    latencyTicks: cfg.latencyTicks,
    jitterTicks: cfg.jitterTicks,
    loss: cfg.loss,
    ordered: cfg.ordered,
    cutUntil: -1,
    lossUntil: -1,
    faultLoss: 0,
    dropNextToken: false,
    dropNextAck: false,
    lastArrival: 0,
  };
}

export function createTeam(config: VariantConfig, seed: number, team: number): TeamState {
  const events = businessEvents(config, seed);
  const producers: ProducerState[] = producerIds(config).map((id, i) => ({
    id,
    up: true,
    restartAt: -1,
    stack: events[i].slice(),
    sent: [],
    inFlight: 0,
    timedOut: 0,
    dualWrite: null,
    outbox: [],
    nextRelayAt: 0,
    db: [],
  }));
  const subs = subscriptionsOf(config);
  const consumers: ConsumerState[] = consumerIds(config).map((id) => ({
    id,
    up: true,
    restartAt: -1,
    subscription: (subs.find((x) => x.consumers.includes(id)) as { name: string }).name,
    inbox: [],
    processing: null,
    slowFactor: 1,
    slowUntil: -1,
    failUntil: -1,
  }));
  const links = new Map<string, LinkState>();
  const net = config.network;
  for (const p of producers) {
    links.set(linkId(p.id, BROKER), makeLink(p.id, BROKER, net.publish));
    links.set(linkId(BROKER, p.id), makeLink(BROKER, p.id, net.confirm));
    if (config.producer.directRpc)
      for (const c of consumers) {
        links.set(linkId(p.id, c.id), makeLink(p.id, c.id, net.publish));
        links.set(linkId(c.id, p.id), makeLink(c.id, p.id, net.confirm));
      }
  }
  for (const c of consumers) {
    links.set(linkId(BROKER, c.id), makeLink(BROKER, c.id, net.deliver));
    links.set(linkId(c.id, BROKER), makeLink(c.id, BROKER, net.ack));
  }
  const stores = new Map<string, Store>();
  for (const name of expectedSubscriptions(config))
    stores.set(name, { balance: new Map(), version: new Map(), processed: new Set(), locks: new Map(), leases: new Map(), highestSeq: new Map() });
  return {
    team,
    config,
    tick: 0,
    rngState: mixSeed(seed, "network"),
    nextTokenId: 1,
    nextDeliveryId: 1,
    producers,
    broker: {
      up: true,
      restartAt: -1,
      subscriptions: subs.map((x) => ({
        name: x.name,
        consumers: x.consumers,
        partitions: Array.from({ length: Math.max(1, config.broker.partitions) }, () => []),
        nextConsumer: 0,
        registered: x.consumers.slice(),
      })),
      unacked: new Map(),
      dedup: new Map(),
      dedupUnpersisted: new Map(),
      intake: [],
      groupsInFlight: new Set(),
      outstanding: new Map(),
      epoch: 0,
      voided: new Set(),
      fetchAt: new Map(),
      parked: [],
      confirmBatch: new Map(),
      sequences: new Map(),
      broken: new Map(),
      sessionEnds: new Map(),
      resyncUntil: -1,
    },
    consumers,
    stores,
    links,
    agenda: new Map(),
    pending: 0,
    wire: 0,
    nextFault: 0,
    draining: false,
  };
}

function roleOf(s: TeamState, seat: string): Role | "host" | null {
  if (seat === HOST_SEAT) return "host";
  if (seat === BROKER) return "broker";
  if (s.producers.some((p) => p.id === seat)) return "producer";
  if (s.consumers.some((c) => c.id === seat)) return "consumer";
  return null;
}

/** Applies one command: the engine either accepts it (and emits its effects) or refuses it with a reason, changing nothing. */
export function applyCommand(s: TeamState, out: Out, command: Command): RefusalReason | null {
  const at = out.length;
  emit(s, out, { type: "command", command });
  const reason = decide(s, out, command);
  if (reason) {
    out.length = at;
    emit(s, out, { type: "commandRefused", command, reason });
  }
  return reason;
}

function decide(s: TeamState, out: Out, command: Command): RefusalReason | null {
  const role = roleOf(s, command.seat);
  if (role === null) return { code: "unknownSeat", detail: String(command.seat) };
  if (role === "host") {
    if (command.action !== "fault") return { code: "notYourAction", detail: command.action };
    const bad = checkFault(s, command.fault);
    if (bad) return bad;
    applyFault(s, out, command.fault, "host");
    return null;
  }
  if (role === "producer") return producerCommand(s, out, s.producers.find((p) => p.id === command.seat) as ProducerState, command);
  if (role === "broker") return brokerCommand(s, out, command);
  return consumerCommand(s, out, s.consumers.find((c) => c.id === command.seat) as ConsumerState, command);
}

function arrive(s: TeamState, out: Out, id: string, packet: Packet): void {
  const link = s.links.get(id) as LinkState;
  if (packet.kind === "deliver") {
    if (!deliveryLeftWire(s, packet.delivery)) return dropOnArrival(s, out, id, packet, "stale");
    if (s.tick < link.cutUntil) {
      dropOnArrival(s, out, id, packet, "cut");
      return onDeliveryLost(s, out, packet.delivery);
    }
  }
  if (packet.kind === "ack" || packet.kind === "nack") {
    // Nothing sent over a broken connection arrives; a lost ack breaks it, or is sent again.
    if (s.broker.up && connectionBroken(s, packet.from)) return dropOnArrival(s, out, id, packet, "stale");
    if (s.tick < link.cutUntil) {
      dropOnArrival(s, out, id, packet, "cut");
      return onAckLost(s, out, packet);
    }
  }
  if (s.tick < link.cutUntil) return dropOnArrival(s, out, id, packet, "cut");
  switch (packet.kind) {
    case "publish":
      if (!s.broker.up) return dropOnArrival(s, out, id, packet, "down");
      return onPublish(s, out, packet.token, packet.from, packet.confirm);
    case "ack":
      if (!s.broker.up) return dropOnArrival(s, out, id, packet, "down");
      return onAck(s, out, packet.delivery);
    case "nack":
      if (!s.broker.up) return dropOnArrival(s, out, id, packet, "down");
      return onNack(s, out, packet.delivery, packet.requeue);
    case "confirm":
    case "reply": {
      const p = s.producers.find((x) => x.id === packet.to) as ProducerState;
      if (!p.up) return dropOnArrival(s, out, id, packet, "down");
      // A batched confirm (multiple=true) settles every publish it covers, earliest first.
      if (packet.kind === "confirm" && packet.covers) for (const c of packet.covers) onConfirm(s, out, p, c.msgId, c.token, c.duplicate);
      return onConfirm(s, out, p, packet.msgId, packet.token, packet.kind === "confirm" && packet.duplicate);
    }
    case "deliver":
    case "rpc": {
      const c = s.consumers.find((x) => x.id === link.to) as ConsumerState;
      if (!c.up) {
        dropOnArrival(s, out, id, packet, "down");
        if (packet.kind === "deliver") onDeliveryLost(s, out, packet.delivery);
        return;
      }
      if (packet.kind === "rpc") return onRpc(s, out, c, packet.token);
      return onDeliver(s, out, c, packet.token, packet.delivery, packet.subscription, packet.redelivered, packet.deliveryCount);
    }
  }
}

function restart(s: TeamState, out: Out, node: string): void {
  if (node === BROKER) {
    if (s.broker.up || s.tick < s.broker.restartAt) return;
    const recovered = restartBroker(s, out);
    emit(s, out, { type: "restarted", node, recovered });
    return;
  }
  const p = s.producers.find((x) => x.id === node);
  if (p) {
    if (p.up || s.tick < p.restartAt) return;
    restartProducer(s, p);
    emit(s, out, { type: "restarted", node, recovered: p.outbox.length });
    return;
  }
  const c = s.consumers.find((x) => x.id === node);
  if (c && !c.up && s.tick >= c.restartAt) {
    restartConsumer(c);
    emit(s, out, { type: "restarted", node, recovered: 0 });
    consumerRejoined(s, out, c.id);
  }
}

function run(s: TeamState, out: Out, item: Scheduled): void {
  switch (item.kind) {
    case "arrive":
      s.wire--;
      return arrive(s, out, item.link, item.packet);
    case "timeout": {
      const p = s.producers.find((x) => x.id === item.producer) as ProducerState;
      if (p.up) onTimeout(s, out, p, item.msgId, item.token);
      return;
    }
    case "redeliver":
      return onRedeliveryDue(s, out, item.delivery);
    case "processDone":
      return onProcessDone(s, out, s.consumers.find((c) => c.id === item.consumer) as ConsumerState, item.token);
    case "holdTimeout":
      return onHoldTimeout(s, out, s.consumers.find((c) => c.id === item.consumer) as ConsumerState, item.token, item.heldAt);
    case "restart":
      return restart(s, out, item.node);
    case "heal": {
      const link = s.links.get(item.link) as LinkState;
      if (s.tick >= link.cutUntil) emit(s, out, { type: "linkHealed", link: item.link });
      return;
    }
    case "persisted":
      return onPersisted(s, out, item.token, item.from, item.confirm, item.epoch);
    case "heartbeat":
      return onHeartbeatTimeout(s, out, item.consumer, item.epoch);
    case "sessionTimeout":
      return onSessionTimeout(s, out, item.consumer);
    case "recommit":
      return onRecommit(s, out, item.consumer, item.token, item.msgId, item.delivery, item.since);
    case "leaseEnd":
      return onLeaseEnd(s, out, item.subscription, item.key, item.until);
  }
}

/**
 * One tick of the team: the commands stamped with this tick (in order), then advanceTeam.
 * A shell that applies people's commands as they arrive calls applyCommand itself and
 * advanceTeam at the tick; the log order, and so the replay, is the same.
 */
export function stepTeam(s: TeamState, commands: readonly Command[], out: Out): void {
  for (const command of commands) applyCommand(s, out, command);
  advanceTeam(s, out);
}

/** Ends the tick: faults scheduled for it, everything due on the agenda, the broker's background work. */
export function advanceTeam(s: TeamState, out: Out): void {
  const faults = s.config.faults;
  while (s.nextFault < faults.length && faults[s.nextFault].tick <= s.tick) {
    const { fault } = faults[s.nextFault++];
    if (!checkFault(s, fault)) applyFault(s, out, fault, "schedule");
  }
  const bucket = s.agenda.get(s.tick);
  if (bucket) {
    s.agenda.delete(s.tick);
    for (const item of bucket) {
      s.pending--;
      run(s, out, item);
    }
  }
  if (s.config.producer.write === "outbox") for (const p of s.producers) runRelay(s, out, p);
  brokerTick(s, out);
  s.tick++;
}

/** The round stops committing new business events; the pipeline runs on under its own rules (the drain). */
export function startDrain(s: TeamState, out: Out): void {
  s.draining = true;
  emit(s, out, { type: "drainStarted" });
}

/**
 * The drain is over. That is known only after its last tick ran, when the team's clock
 * already points at the next tick: the event belongs to the tick that ran.
 */
export function endDrain(s: TeamState, out: Out): void {
  emit(s, out, { type: "drainEnded", quiescent: isQuiescent(s) });
  out[out.length - 1].tick = s.tick - 1;
}

/** Nothing in flight, nothing waiting for a retry, a redelivery, a relay or a restart. */
export function isQuiescent(s: TeamState): boolean {
  if (s.wire > 0 || !s.broker.up) return false;
  for (const p of s.producers) if (!p.up || !producerQuiet(s, p)) return false;
  for (const c of s.consumers) if (!c.up || !consumerQuiet(c)) return false;
  return brokerQuiet(s);
}

export type { Emitted };

// The anomaly rules of docs/anomalies.md, owned here and nowhere else. The final checker, the live
// board, the replay and the projector's markers all feed the same events through these
// classes, so they cannot disagree about what is a duplicate, a misordering or a lost update.
import { teamConfig } from "../design/teamConfig.js";
import { post } from "../engine/account.js";
import { exchangeRoute, type ExchangeConfig } from "../engine/exchange.js";
import type { Emitted } from "../engine/kernel.js";
import type { LogHeader } from "../sim/round.js";

export type Applied = Extract<Emitted, { type: "applied" }>;

export interface Counts {
  committed: number;
  applied: number;
  lost: number;
  duplicated: number;
  /** Applications beyond the first of each duplicated effect. */
  extraApplications: number;
  misordered: number;
  inconsistent: number;
  /** Keys (per subscription) whose balance is not what their applications give one after another: a lost update. */
  raceAnomalies: number;
  /** Keys (per subscription) whose final balance is not what their committed events give once each, in seq order. */
  wrongFinalState: number;
  refused: number;
  /** Writes based on a stale read (each erased another consumer's update). */
  staleWrites: number;
  /** Compare-and-set writes refused because the key's version had moved (each read again and redone): the price of no lost update. */
  conflicts: number;
  /** Committed effects never applied whose message is parked: in a dead-letter queue, or kept in the stream past its delivery limit (not lost: someone must look at it). */
  parked: number;
}

/** Zero counts, keys in the order the log's summary writes them. */
export const zeroCounts = (): Counts => ({
  committed: 0,
  applied: 0,
  lost: 0,
  duplicated: 0,
  extraApplications: 0,
  misordered: 0,
  inconsistent: 0,
  raceAnomalies: 0,
  wrongFinalState: 0,
  refused: 0,
  staleWrites: 0,
  conflicts: 0,
  parked: 0,
});

/** An expected effect: one business event at one subscription (a queue is one subscription). */
export function effectKey(subscription: string, msgId: string): string {
  return `${subscription}|${msgId}`;
}

/** Order is judged per business key within one subscription. */
function orderKey(subscription: string, key: string): string {
  return `${subscription}|${key}`;
}

/** The application that wrote `version` of a key's balance at a subscription. */
export function versionKey(subscription: string, key: string, version: number): string {
  return `${subscription}|${key}|${version}`;
}

/** A stale write: the write did not follow the version its read saw, so it erased the update in between. */
export function isLostUpdate(e: Applied): boolean {
  return !e.declined && e.writeVersion !== e.readVersion + 1;
}

/** An application decided on a stale read: a stale write, or a withdrawal declined on a balance that had changed since. */
export function isStale(e: Applied): boolean {
  return e.declined ? e.writeVersion !== e.readVersion : e.writeVersion !== e.readVersion + 1;
}

export interface FirstApplication {
  msgId: string;
  seq: number;
  tick: number;
}

export interface ApplicationVerdict {
  /** How many times this effect has been applied, this one included: 1 is the first, 2 makes it duplicated, more are extra. */
  nth: number;
  /**
   * For a first application that comes after the first application of a higher seq of the
   * same key and subscription: that earlier one (the highest seq so far). Otherwise null.
   */
  overtakenBy: FirstApplication | null;
  /** A stale write (isLostUpdate). */
  lostUpdate: boolean;
}

/**
 * Judges applications one at a time, fed in log order: whether each is a first application,
 * a duplicate, out of order, or a lost update. Teams are judged apart. It does not know
 * which business events were committed; EffectLedger adds that to count anomalies.
 */
export class ApplicationsTracker {
  private readonly teams = new Map<number, { applications: Map<string, number>; highest: Map<string, FirstApplication> }>();

  apply(e: Applied): ApplicationVerdict {
    let team = this.teams.get(e.team);
    if (!team) this.teams.set(e.team, (team = { applications: new Map(), highest: new Map() }));
    const id = effectKey(e.subscription, e.msgId);
    const nth = (team.applications.get(id) ?? 0) + 1;
    team.applications.set(id, nth);
    let overtakenBy: FirstApplication | null = null;
    if (nth === 1) {
      const order = orderKey(e.subscription, e.key);
      const top = team.highest.get(order);
      if (top && e.seq < top.seq) overtakenBy = top;
      if (!top || e.seq > top.seq) team.highest.set(order, { msgId: e.msgId, seq: e.seq, tick: e.tick });
    }
    return { nth, overtakenBy, lostUpdate: isLostUpdate(e) };
  }
}

/** What a team's counts depend on beyond its events. */
export interface TeamFacts {
  /** The team's subscriptions; null when unknown (every subscription counts, lost cannot be judged). */
  subscriptions: readonly string[] | null;
  /** Topic 5: the producer writes a DB, so DB and publishes can disagree. */
  writesToDb: boolean;
  /** A RabbitMQ exchange: an event is expected only at the queues its routing key's bindings match (absent: at every subscription). */
  exchange?: ExchangeConfig | null;
}

export function teamFacts(header: LogHeader, team: number): TeamFacts {
  const config = teamConfig(header, team);
  const write = config?.producer?.write;
  return {
    subscriptions: header.teams.find((t) => t.team === team)?.subscriptions ?? [],
    writesToDb: write !== undefined && write !== "publishOnly",
    exchange: config?.broker?.exchange ?? null,
  };
}

/**
 * The subscriptions that expect a business event of `key`: every one of the team's, or, behind
 * an exchange, those its bindings route the key's routing key to. A copy applied anywhere
 * else was misrouted: the queue's balance for that key, expected to stay 0, is then wrong.
 */
export function expectedSubscriptionsOf(subscriptions: readonly string[], exchange: ExchangeConfig | null | undefined, key: string): readonly string[] {
  if (!exchange) return subscriptions;
  const routed = exchangeRoute(exchange, key);
  return subscriptions.filter((s) => routed.includes(s));
}

interface Commit {
  key: string;
  seq: number;
  amount: number;
}

/** A key's account at one subscription, as the applications left it and as they would have left it one after another. */
interface Account {
  subscription: string;
  key: string;
  /** The balance the last application left (its `balance`). */
  balance: number;
  /** The key's applications re-applied in their order, each on the previous one's result. */
  serial: number;
  /** The first application decided on a stale read. */
  firstStale: Applied | null;
  last: Applied;
}

/** A key whose balance went wrong through a lost update; `first` is the first stale application. */
export interface RaceKey {
  subscription: string;
  key: string;
  first: Applied;
}

/** A key whose final balance differs from its committed events applied once each, in seq order. */
export interface WrongFinalState {
  subscription: string;
  key: string;
  final: number;
  expected: number;
  /** The application that left the final balance; null if the key was never applied there. */
  last: Applied | null;
}

export interface ExpectedEffect {
  msgId: string;
  subscription: string;
  key: string;
  seq: number;
  /** Every application, in order; empty if the effect never happened (lost, after the drain). */
  applications: readonly Applied[];
}

export interface Misordering {
  msgId: string;
  subscription: string;
  key: string;
  seq: number;
  overtakenBy: FirstApplication;
}

export interface Inconsistency {
  msgId: string;
  side: "dbOnly" | "publishedOnly";
  key: string | null;
  seq: number | null;
}

/**
 * One team's anomaly counts, kept up to date event by event (the live board) and complete
 * once the round has drained (the checker). Duplicates and misorderings count only for
 * committed business events; a Topic 5 event published before its DB commit is judged when
 * the commit comes. Race anomalies are the keys whose balance a lost update has made wrong
 * so far. Lost, inconsistent and wrong final states need the end of the drain: `settle`
 * counts them.
 */
export class EffectLedger {
  readonly counts = zeroCounts();
  private readonly tracker = new ApplicationsTracker();
  private readonly committed = new Map<string, Commit>();
  private readonly applications = new Map<string, Applied[]>();
  /** The subscriptions that applied each business event, in order of first application. */
  private readonly appliedAt = new Map<string, string[]>();
  /** First applications by key and subscription, in order, with what overtook each. */
  private readonly firsts = new Map<string, { subscription: string; msgId: string; overtakenBy: FirstApplication | null }[]>();
  /** Misordered first applications of business events not (yet) committed, by msgId. */
  private readonly pendingMisordered = new Map<string, number>();
  /** A log written before committed events carried their amount (engine 1): wrong final states cannot be judged. */
  private amountsUnknown = false;
  /** Each key's account by subscription ("sub|key"). */
  private readonly accounts = new Map<string, Account>();
  private readonly dbWritten = new Set<string>();
  private readonly published = new Set<string>();
  /** Parked copies by expected effect ("sub|msgId"): parked, minus those a broker crash or a lost disk destroyed since. */
  private readonly parkedCopies = new Map<string, number>();

  constructor(private readonly facts: TeamFacts) {}

  /** Folds one event of the team; returns the verdict on an application, null for anything else. */
  add(e: Emitted): ApplicationVerdict | null {
    const c = this.counts;
    switch (e.type) {
      case "committed":
        if (typeof e.amount !== "number") this.amountsUnknown = true;
        if (!this.committed.has(e.msgId)) this.commit(e.msgId, { key: e.key, seq: e.seq, amount: e.amount });
        return null;
      case "refused":
        c.refused++;
        return null;
      case "dbWritten":
        this.dbWritten.add(e.msgId);
        return null;
      case "accepted":
      case "deduplicated":
        this.published.add(e.msgId);
        return null;
      case "applied":
        return this.apply(e);
      case "conflict":
        if (this.counted(e.subscription)) c.conflicts++;
        return null;
      case "parked":
        this.parkedCopies.set(effectKey(e.subscription, e.msgId), (this.parkedCopies.get(effectKey(e.subscription, e.msgId)) ?? 0) + 1);
        return null;
      case "discarded":
        if (e.where === "parked" && e.subscription !== null) {
          const id = effectKey(e.subscription, e.msgId);
          const n = (this.parkedCopies.get(id) ?? 0) - 1;
          if (n > 0) this.parkedCopies.set(id, n);
          else this.parkedCopies.delete(id);
        }
        return null;
      default:
        return null;
    }
  }

  private counted(subscription: string): boolean {
    return this.facts.subscriptions === null || this.facts.subscriptions.includes(subscription);
  }

  private commit(msgId: string, info: Commit): void {
    const c = this.counts;
    this.committed.set(msgId, info);
    c.committed++;
    // Applications that came before the commit (a Topic 5 publish-then-save) are judged now.
    for (const subscription of this.appliedAt.get(msgId) ?? []) {
      const n = this.applications.get(effectKey(subscription, msgId))?.length ?? 0;
      if (n > 1 && this.counted(subscription)) {
        c.duplicated++;
        c.extraApplications += n - 1;
      }
    }
    const pending = this.pendingMisordered.get(msgId);
    if (pending) {
      c.misordered += pending;
      this.pendingMisordered.delete(msgId);
    }
  }

  private apply(e: Applied): ApplicationVerdict {
    const c = this.counts;
    c.applied++;
    const verdict = this.tracker.apply(e);
    const id = effectKey(e.subscription, e.msgId);
    let list = this.applications.get(id);
    if (!list) {
      this.applications.set(id, (list = []));
      const subscriptions = this.appliedAt.get(e.msgId);
      if (subscriptions) subscriptions.push(e.subscription);
      else this.appliedAt.set(e.msgId, [e.subscription]);
    }
    list.push(e);
    const committed = this.committed.has(e.msgId);
    if (committed && verdict.nth >= 2 && this.counted(e.subscription)) {
      if (verdict.nth === 2) c.duplicated++;
      c.extraApplications++;
    }
    if (verdict.nth === 1) {
      const order = orderKey(e.subscription, e.key);
      let firsts = this.firsts.get(order);
      if (!firsts) this.firsts.set(order, (firsts = []));
      firsts.push({ subscription: e.subscription, msgId: e.msgId, overtakenBy: verdict.overtakenBy });
      if (verdict.overtakenBy) {
        if (committed) c.misordered++;
        else this.pendingMisordered.set(e.msgId, (this.pendingMisordered.get(e.msgId) ?? 0) + 1);
      }
    }
    if (verdict.lostUpdate && this.counted(e.subscription)) c.staleWrites++;
    this.post(e);
    return verdict;
  }

  /** Follows the key's account; raceAnomalies counts the keys whose balance now differs from their serial replay. */
  private post(e: Applied): void {
    const order = orderKey(e.subscription, e.key);
    let account = this.accounts.get(order);
    if (!account) this.accounts.set(order, (account = { subscription: e.subscription, key: e.key, balance: 0, serial: 0, firstStale: null, last: e }));
    const wasWrong = account.balance !== account.serial;
    account.balance = e.balance;
    account.serial = post(account.serial, e.amount).balance;
    account.last = e;
    if (!account.firstStale && isStale(e)) account.firstStale = e;
    const isWrong = account.balance !== account.serial;
    if (wasWrong !== isWrong && this.counted(e.subscription)) this.counts.raceAnomalies += isWrong ? 1 : -1;
  }

  /** The drain is over: counts what never happened (lost, or parked) and where DB and publishes disagree (inconsistent). */
  settle(): Counts {
    this.counts.lost = this.lost().length;
    this.counts.parked = this.parked().length;
    this.counts.inconsistent = this.inconsistencies().length;
    this.counts.wrongFinalState = this.wrongFinalStates().length;
    return this.counts;
  }

  /** The keys with a lost update now (all of them once the round has drained), in order of first application. */
  raceKeys(): RaceKey[] {
    const out: RaceKey[] = [];
    for (const a of this.accounts.values())
      if (a.balance !== a.serial && a.firstStale && this.counted(a.subscription)) out.push({ subscription: a.subscription, key: a.key, first: a.firstStale });
    return out;
  }

  /**
   * Per subscription, the keys whose final balance (the balance the last application left;
   * 0 if none) differs from the expected one: the key's committed events applied once
   * each, in seq order, from 0, a withdrawal that would overdraw declined. Meaningful once
   * the round has drained; empty when the subscriptions or the amounts are unknown.
   */
  wrongFinalStates(): WrongFinalState[] {
    const subscriptions = this.facts.subscriptions;
    if (subscriptions === null || this.amountsUnknown) return [];
    const byKey = new Map<string, Commit[]>();
    for (const info of this.committed.values()) {
      const list = byKey.get(info.key);
      if (list) list.push(info);
      else byKey.set(info.key, [info]);
    }
    const expected = new Map<string, number>();
    for (const [key, list] of byKey)
      expected.set(
        key,
        list.sort((a, b) => a.seq - b.seq).reduce((balance, x) => post(balance, x.amount).balance, 0),
      );
    const out: WrongFinalState[] = [];
    for (const subscription of subscriptions) {
      const keys = new Set(byKey.keys());
      for (const a of this.accounts.values()) if (a.subscription === subscription) keys.add(a.key);
      for (const key of keys) {
        const account = this.accounts.get(orderKey(subscription, key));
        const final = account?.balance ?? 0;
        // Behind an exchange, a queue the key is not routed to should never see it.
        const routedHere = expectedSubscriptionsOf(subscriptions, this.facts.exchange, key).includes(subscription);
        const should = routedHere ? (expected.get(key) ?? 0) : 0;
        if (final !== should) out.push({ subscription, key, final, expected: should, last: account?.last ?? null });
      }
    }
    return out;
  }

  /** Every committed business event at every subscription that expects it, in commit order, with its applications. */
  *expectedEffects(): Iterable<ExpectedEffect> {
    for (const [msgId, info] of this.committed)
      for (const subscription of expectedSubscriptionsOf(this.facts.subscriptions ?? [], this.facts.exchange, info.key))
        yield { msgId, subscription, key: info.key, seq: info.seq, applications: this.applications.get(effectKey(subscription, msgId)) ?? [] };
  }

  /** Never applied, and no copy parked for someone to look at. */
  lost(): ExpectedEffect[] {
    return [...this.expectedEffects()].filter((x) => x.applications.length === 0 && !this.isParked(x));
  }

  /** Never applied, and a copy is parked (dead-lettered, or kept in the stream). */
  parked(): ExpectedEffect[] {
    return [...this.expectedEffects()].filter((x) => x.applications.length === 0 && this.isParked(x));
  }

  isParked(x: Pick<ExpectedEffect, "subscription" | "msgId">): boolean {
    return this.parkedCopies.has(effectKey(x.subscription, x.msgId));
  }

  /** Misordered committed effects, grouped by key and subscription, each group in order of first application. */
  misordered(): Misordering[] {
    const out: Misordering[] = [];
    for (const firsts of this.firsts.values())
      for (const f of firsts) {
        const info = this.committed.get(f.msgId);
        if (f.overtakenBy && info) out.push({ msgId: f.msgId, subscription: f.subscription, key: info.key, seq: info.seq, overtakenBy: f.overtakenBy });
      }
    return out;
  }

  /** Saved but never published, then published but never saved (only where the producer writes a DB). */
  inconsistencies(): Inconsistency[] {
    if (!this.facts.writesToDb) return [];
    const out: Inconsistency[] = [];
    for (const msgId of this.dbWritten)
      if (!this.published.has(msgId)) {
        const info = this.committed.get(msgId);
        out.push({ msgId, side: "dbOnly", key: info?.key ?? null, seq: info?.seq ?? null });
      }
    for (const msgId of this.published) if (!this.dbWritten.has(msgId)) out.push({ msgId, side: "publishedOnly", key: null, seq: null });
    return out;
  }
}

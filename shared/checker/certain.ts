// What is already certain while a round runs, from the same events in the same order as the
// final checker. An expected effect is certainly lost once no copy of it can still be applied
// (copies.ts: nothing on the wire, at the broker or in an inbox, and a producer that can no
// longer send it again); a Topic 5 event is certainly inconsistent once its DB write and its
// publish can no longer meet. Everything else not yet applied is pending, settled only by the
// drain. Certain counts never exceed the final ones: once nothing can reach an effect,
// nothing ever will (test/liveCertainty.property.test.ts checks it at every tick). An effect
// nothing can reach whose copy is parked (dead-lettered, kept in the stream) is parked, not
// lost: it waits for a person. A parked copy can still be destroyed (a broker crash before it
// was written, a lost disk), so parked is what is parked now; it only ever turns into lost.
import type { Emitted } from "../engine/kernel.js";
import { CopyTracker, type CopyFacts, type MessageCopies } from "./copies.js";
import { effectKey, expectedSubscriptionsOf } from "./effects.js";

export class CertainAnomalies {
  private readonly copies: CopyTracker;
  private readonly lostEffects = new Set<string>();
  private readonly inconsistentEvents = new Set<string>();
  private readonly parkedEffects = new Set<string>();
  /** Pending effects by event (committed, not applied, not certainly lost). */
  private readonly pendingOf = new Map<string, number>();
  private pendingTotal = 0;

  constructor(
    private readonly facts: CopyFacts,
    /** Topic 5: the producer writes a DB, so DB and publishes can disagree. */
    private readonly writesToDb: boolean,
  ) {
    this.copies = new CopyTracker(facts);
  }

  add(e: Emitted): void {
    this.copies.add(e);
  }

  /** Expected effects ("subscription|msgId") that can never be applied. */
  get lostSet(): ReadonlySet<string> {
    this.judge();
    return this.lostEffects;
  }

  /** Business events whose DB write and publish can never agree. */
  get inconsistentSet(): ReadonlySet<string> {
    this.judge();
    return this.inconsistentEvents;
  }

  /** Expected effects nothing can reach whose copy is parked now. */
  get parkedSet(): ReadonlySet<string> {
    this.judge();
    return this.parkedEffects;
  }

  get lost(): number {
    return this.lostSet.size;
  }

  get parked(): number {
    return this.parkedSet.size;
  }

  get inconsistent(): number {
    return this.inconsistentSet.size;
  }

  /** Committed expected effects not applied yet, not certainly lost and not parked: what the drain will settle. */
  get pending(): number {
    this.judge();
    return this.pendingTotal;
  }

  /** Re-judges the events whose copies moved since the last look; between engine steps every copy is somewhere. */
  private judge(): void {
    for (const m of this.copies.takeTouched()) {
      this.judgeEffects(m);
      if (this.writesToDb) this.judgeWrite(m);
    }
  }

  private judgeEffects(m: MessageCopies): void {
    if (!m.committed) return;
    let pending = 0;
    for (const sub of expectedSubscriptionsOf(this.facts.subscriptions, this.facts.exchange, m.key ?? "")) {
      const key = effectKey(sub, m.msgId);
      if (m.applied.has(sub)) {
        this.parkedEffects.delete(key);
        continue;
      }
      if (this.lostEffects.has(key)) continue;
      if (this.copies.canReach(m, sub)) {
        pending++;
        this.parkedEffects.delete(key);
      } else if (this.copies.parkedFor(m, sub)) this.parkedEffects.add(key);
      else {
        this.parkedEffects.delete(key);
        this.lostEffects.add(key);
      }
    }
    this.pendingTotal += pending - (this.pendingOf.get(m.msgId) ?? 0);
    this.pendingOf.set(m.msgId, pending);
  }

  private judgeWrite(m: MessageCopies): void {
    if (this.inconsistentEvents.has(m.msgId)) return;
    const savedNeverPublished = m.dbWritten && !m.accepted && !this.copies.canResend(m);
    const self = this.facts.selfSubscription;
    // Published and never saved: the half-done dual write was forgotten, or (listen to yourself) the service's own subscription can never apply it.
    const publishedNeverSaved = m.accepted && !m.dbWritten && (m.saveImpossible || (self !== null && !m.applied.has(self) && !this.copies.canReach(m, self)));
    if (savedNeverPublished || publishedNeverSaved) this.inconsistentEvents.add(m.msgId);
  }
}

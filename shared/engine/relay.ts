// The outbox relay (Topic 5): a background job of the producer's service that publishes the
// rows of the outbox table until the broker confirms each. `poll` reads the table every
// relayPollTicks and publishes every row not awaiting a confirm, up to maxInFlight, again
// after a timeout — so a row published again lands behind later ones. `cdc` tails the DB's
// commit log instead: each row goes out the tick it commits, in commit order, the next one
// only once the broker confirmed the previous (again after a timeout): no poll delay, and
// the broker receives the rows in the order they committed.
import type { Out } from "./kernel.js";
import { publishToken } from "./producer.js";
import type { ProducerState, TeamState } from "./types.js";

export function runRelay(s: TeamState, out: Out, p: ProducerState): void {
  if (!p.up || p.outbox.length === 0) return;
  if (s.config.producer.relay === "cdc") tailLog(s, out, p);
  else poll(s, out, p);
}

function poll(s: TeamState, out: Out, p: ProducerState): void {
  if (s.tick < p.nextRelayAt) return;
  const cfg = s.config.producer;
  p.nextRelayAt = s.tick + cfg.relayPollTicks;
  let inFlight = 0;
  for (const row of p.outbox) {
    const waiting = row.publishedAt >= 0 && s.tick < row.publishedAt + cfg.ackTimeoutTicks;
    if (waiting) {
      inFlight++;
      continue;
    }
    if (inFlight >= cfg.maxInFlight) break;
    publishRow(s, out, p, row);
    inFlight++;
  }
}

/** The log's oldest unconfirmed row is the only one in flight; it goes again if its confirm is late. */
function tailLog(s: TeamState, out: Out, p: ProducerState): void {
  const head = p.outbox[0];
  if (head.publishedAt >= 0 && s.tick < head.publishedAt + s.config.producer.ackTimeoutTicks) return;
  publishRow(s, out, p, head);
}

function publishRow(s: TeamState, out: Out, p: ProducerState, row: ProducerState["outbox"][number]): void {
  const token = publishToken(s, out, p, row.event, "relay");
  row.token = token.id;
  row.publishedAt = s.tick;
  row.attempts++;
}

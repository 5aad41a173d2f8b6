// The prediction each topic asks on the phones before its first round. Option ranges are
// read by the class, so they are round numbers a student can reason about (none, a few,
// several, most of N), chosen so that the outcomes measured with the simulator do not all
// sit in a trivial option, with room for what people and live faults add. Every figure a
// question names (60 orders, 2 crashes, 120 deliveries…) is checked against the catalogue.
//
// Measured with `npm run simulate -- --scenario S --variant V --seed N --teams 1`, seeds
// 1..10, naive bots (careful bots in brackets where they differ), per-team counts, engine 3.0
// (bots retry during play, events arrive over the round, deposits and withdrawals; broker
// profiles as the real brokers behave):
//   t1 naive  refused 26–28 (lost 0–2)
//   t2 queue  duplicated 0 in every seed (both strategies)
//   t3 naive  lost 13–28 of 120 [careful 13–24]
//   t4 naive  duplicated 23–45 of 120 [careful 34–58] (a lost ack breaks RabbitMQ's
//             connection: at the heartbeat every message it held unacked comes again)
//   t5 naive  inconsistent 0–4 (one seed in ten at 0) [careful 0–1]; the producer crashes 7 times
//   t6 naive  staleWrites 58–77 of 150 [careful 63–77] (misordered 4–19; raceAnomalies counts
//             keys, 4 of 4 in every seed, hence not asked)
//   t7 naive  misordered 8–20 of 120 [careful 9–19]
//   t8 naive  duplicated 28–56 of 120 [careful 29–47]; lost 0–2, hence not asked
//   t9 chaos  anomalies by end (wrong final states left out: they sum the others up):
//             consumer first in 9 seeds, producer in 1 [careful: consumer in all 10]
// The ranges are wide on purpose, and the result is always read from the real round.
import type { PredictionOption, Prediction } from "./plan.js";

const option = (id: string, en: string, pt: string, min: number, max?: number): PredictionOption => ({ id, label: { en, "pt-BR": pt }, min, max });

/** One scale for the 120 deliveries (60 events × 2 subscriptions) of Topics 3, 4 and 8, so they compare. */
const DELIVERIES_OF_120: PredictionOption[] = [
  option("none", "None", "Nenhuma", 0, 0),
  option("few", "A few (1–10)", "Poucas (1 a 10)", 1, 10),
  option("several", "Several (11–40)", "Várias (11 a 40)", 11, 40),
  option("many", "Many (more than 40)", "Muitas (mais de 40)", 41),
];

export const PREDICTIONS: Record<string, Prediction> = {
  "t1-sync-vs-async": {
    question: {
      en: "The consumer goes down twice. With direct calls, how many of 60 orders fail?",
      "pt-BR": "O consumidor vai cair 2 vezes. Com chamada direta, quantos dos 60 pedidos falham?",
    },
    metric: "refused",
    answeredBy: "naive",
    outOf: 60,
    options: [
      option("none", "None", "Nenhum", 0, 0),
      option("few", "A few (1–10)", "Poucos (1 a 10)", 1, 10),
      option("many", "Many (11–30)", "Muitos (11 a 30)", 11, 30),
      option("most", "More than half (31+)", "Mais da metade (31 ou mais)", 31),
    ],
  },

  // The misconception under test: "three consumers on a queue each get every message".
  "t2-queues-topics": {
    question: {
      en: "A queue with 3 consumers: how many of the 50 events get processed more than once?",
      "pt-BR": "Uma fila com 3 consumidores: quantos dos 50 eventos são processados mais de uma vez?",
    },
    metric: "duplicated",
    answeredBy: "queue",
    outOf: 50,
    options: [
      option("none", "None", "Nenhum", 0, 0),
      option("some", "Some (1–10)", "Alguns (1 a 10)", 1, 10),
      option("many", "Many (11–49)", "Muitos (11 a 49)", 11, 49),
      option("all", "All 50", "Todos os 50", 50),
    ],
  },

  "t3-lost-messages": {
    question: {
      en: "Fire-and-forget: of 120 deliveries (60 events × 2 consumers), how many are lost?",
      "pt-BR": "Fire-and-forget: de 120 entregas (60 eventos × 2 consumidores), quantas se perdem?",
    },
    metric: "lost",
    answeredBy: "naive",
    outOf: 120,
    options: [...DELIVERIES_OF_120],
  },

  "t4-duplicates": {
    question: {
      en: "Retries with no de-dup: of 120 deliveries, how many are applied more than once?",
      "pt-BR": "Retries sem desduplicação: de 120 entregas, quantas são aplicadas mais de uma vez?",
    },
    metric: "duplicated",
    answeredBy: "naive",
    outOf: 120,
    options: [...DELIVERIES_OF_120],
  },

  // Ranges relative to the crashes the question names: at most one stranded event per crash,
  // unless several were saved and not yet published when it struck.
  "t5-dual-writes": {
    question: {
      en: "The producer crashes 7 times: how many events end up only in the DB or only in the broker?",
      "pt-BR": "O produtor cai 7 vezes: quantos eventos ficam só no banco ou só no broker?",
    },
    metric: "inconsistent",
    answeredBy: "naive",
    outOf: 60,
    options: [
      option("none", "None", "Nenhum", 0, 0),
      option("one-two", "One or two", "Um ou dois", 1, 2),
      option("three-seven", "3 to 7", "De 3 a 7", 3, 7),
      option("more", "More than 7", "Mais de 7", 8),
    ],
  },

  "t6-competing-consumers": {
    question: {
      en: "3 consumers, no lock, 150 updates on 4 balances: how many updates are lost?",
      "pt-BR": "3 consumidores sem lock, 150 atualizações em 4 saldos: quantas se perdem?",
    },
    // A stale write erased another consumer's update: one lost update each.
    metric: "staleWrites",
    answeredBy: "naive",
    outOf: 150,
    options: [
      option("none", "None", "Nenhuma", 0, 0),
      option("few", "A few (1–10)", "Poucas (1 a 10)", 1, 10),
      option("several", "Several (11–50)", "Várias (11 a 50)", 11, 50),
      option("many", "Many (more than 50)", "Muitas (mais de 50)", 51),
    ],
  },

  "t7-ordering": {
    question: {
      en: "2 consumers, many sends in flight: of 120 events, how many are applied out of order?",
      "pt-BR": "2 consumidores, vários envios em voo: dos 120 eventos, quantos saem fora de ordem?",
    },
    metric: "misordered",
    answeredBy: "naive",
    outOf: 120,
    options: [
      option("none", "None", "Nenhum", 0, 0),
      option("few", "A few (1–5)", "Poucos (1 a 5)", 1, 5),
      option("several", "Several (6–20)", "Vários (6 a 20)", 6, 20),
      option("many", "Many (more than 20)", "Muitos (mais de 20)", 21),
    ],
  },

  "t8-exactly-once": {
    question: {
      en: "At-least-once only, under heavy faults: how many of 120 deliveries are duplicated?",
      "pt-BR": "Só at-least-once, sob muitas falhas: quantas das 120 entregas são duplicadas?",
    },
    metric: "duplicated",
    answeredBy: "naive",
    outOf: 120,
    options: [...DELIVERIES_OF_120],
  },

  "t9-end-to-end": {
    question: {
      en: "Total chaos: which end could have prevented the most anomalies?",
      "pt-BR": "Caos total: qual ponta poderia ter evitado mais anomalias?",
    },
    metric: "end",
    answeredBy: "chaos",
    options: [
      { id: "producer", label: { en: "The producer", "pt-BR": "O produtor" }, end: "producer" },
      { id: "broker", label: { en: "The broker", "pt-BR": "O broker" }, end: "broker" },
      { id: "consumer", label: { en: "The consumer", "pt-BR": "O consumidor" }, end: "consumer" },
      { id: "network", label: { en: "The network", "pt-BR": "A rede" }, end: "network" },
    ],
  },
};

// User-facing texts of "Exactly Once", in English and Brazilian Portuguese: the scenarios,
// the causes of anomalies and the broker profiles (each role's and action's words are in
// roleTexts.ts). Pure data: no logic; it imports only the engine's types of what it names.
// Ids used as keys here are contracts (docs/contracts.md#scenario-ids).
import type { ProfileId } from "../engine/config.js";
import { BROKER_VARIANT_TEXTS } from "./brokerVariantTexts.js";
import { FIX_VARIANT_TEXTS } from "./fixTexts.js";

// Variant labels stay within 22 characters (they are buttons).
// Cause texts may carry placeholders: {tick} and the fields their code always provides
// (CAUSE_FIELDS in shared/checker/causes.ts); causeSentence fills them.

export type Locale = "en" | "pt-BR";
export type Text = Record<Locale, string>;

export interface VariantText {
  label: Text;
  /** One line: the semantics of this variant. */
  summary: Text;
  /** One line: what the class should notice in its round. */
  notice: Text;
  /**
   * For a fix: what it bought and what it left open, as the debrief says them; {count}
   * placeholders (a count of the round's summary: lost, duplicated, conflicts…) are filled by
   * verdictSentence.
   */
  verdict?: { bought: Text; leftOpen: Text };
}

export interface ScenarioText {
  /** Lesson topic reference, e.g. "3", "2.5–2.6", "1, 2.1–2.4". */
  topic: string;
  title: Text;
  /** One line: the teaching goal. */
  goal: Text;
  /** Two or three questions the instructor asks after the round. */
  debrief: Text[];
  variants: Record<string, VariantText>;
}

export type ScenarioId =
  | "t1-sync-vs-async"
  | "t2-queues-topics"
  | "t3-lost-messages"
  | "t4-duplicates"
  | "t5-dual-writes"
  | "t6-competing-consumers"
  | "t7-ordering"
  | "t8-exactly-once"
  | "t9-end-to-end";

export type CauseCode =
  // lost
  | "linkLoss"
  | "linkCut"
  | "nodeDown"
  | "neverRetried"
  | "producerCrashPending"
  | "producerCrashBeforePublish"
  | "brokerCrashNotDurable"
  | "brokerCrashUnpersisted"
  | "brokerCrashBeforeRoute"
  | "brokerDiskLost"
  | "consumerCrashAutoAck"
  | "consumerCrashAfterAck"
  | "consumerCrashDirectCall"
  | "consumerCrashBrokerForgot"
  | "consumerCrashOffsetCommitted"
  | "retentionExpired"
  | "maxDeliveries"
  | "rejectedDropped"
  | "misrouted"
  | "notDrained"
  // parked (not lost: a person must look at it)
  | "parkedDeadLetter"
  | "parkedRejected"
  | "parkedInStream"
  | "parkedTerminated"
  // duplicated
  | "dupProducerRetry"
  | "dupRetryBrokerCrash"
  | "dupRetryLateConfirm"
  | "dupRelayRepublish"
  | "dupRelayAfterCrash"
  | "dupRedeliveryTimeout"
  | "dupRedeliveryCrash"
  | "dupVisibleAfterCrash"
  | "dupConnectionLost"
  | "dupRebalance"
  | "dupNack"
  | "ackLost"
  | "dupBrokerRestart"
  | "dupConcurrent"
  | "dupSeparateWrite"
  | "dupOutsideTransaction"
  // misordered
  | "misorderProducer"
  | "misorderRelay"
  | "misorderSentLate"
  | "misorderNetwork"
  | "misorderRouting"
  | "misorderRedelivery"
  | "misorderNack"
  | "misorderCompeting"
  | "misorderHold"
  | "misorderHoldGaveUp"
  | "misorderHoldFull"
  | "misorderConsumer"
  // race anomaly
  | "raceLostUpdate"
  // inconsistent
  | "inconsistentDbOnly"
  | "inconsistentPublishLost"
  | "inconsistentPublishForgotten"
  | "inconsistentPublishedOnly"
  | "inconsistentUnfinished"
  | "inconsistentOwnEventLost"
  // wrong final state (the anomaly carries the key, the final and the expected balance)
  | "wrongFinalState";

/**
 * A broker profile's real vocabulary (docs/brokers.md#vocabulary), shown in place of the game's generic
 * terms. These are product names and API terms, so they are not translated.
 * `partition`: how keys are spread over parallel lanes; `group`: what keeps one key on one
 * consumer at a time (message group, single active consumer, consumer group).
 */
export interface ProfileText {
  name: string;
  ack: string;
  nack: string;
  publishConfirm: string;
  redeliveryTimeout: string;
  redeliveredFlag: string;
  durable: string;
  dedup: string;
  partition: string;
  group: string;
  retention: string;
  /** One line: how this broker behaves on ack, crash, redelivery and de-duplication. */
  summary: Text;
}

// ---------------------------------------------------------------------------------------
// Scenarios (docs/game.md#the-scenario-catalogue)
// ---------------------------------------------------------------------------------------

export const SCENARIO_TEXTS: Record<string, ScenarioText> = {
  "t1-sync-vs-async": {
    topic: "1, 2.1–2.4",
    title: { en: "Sync vs async", "pt-BR": "Síncrono vs assíncrono" },
    goal: {
      en: "See a broker remove temporal coupling: work survives while the consumer is down.",
      "pt-BR": "Ver o broker eliminar o acoplamento temporal: o trabalho sobrevive enquanto o consumidor está fora do ar.",
    },
    debrief: [
      {
        en: "In each variant, what happened to the work sent while the consumer was down?",
        "pt-BR": "Em cada variante, o que aconteceu com o trabalho enviado enquanto o consumidor estava fora do ar?",
      },
      {
        en: "Where did the backlog wait during the outage, and how long did it take to drain?",
        "pt-BR": "Onde o acúmulo de mensagens esperou durante a queda, e quanto tempo levou para ser consumido?",
      },
      {
        en: 'So what does "asynchronous" mean for us now, and what did we give up to get it?',
        "pt-BR": 'Então, o que "assíncrono" significa para nós agora, e do que abrimos mão para ter isso?',
      },
    ],
    variants: {
      naive: {
        label: { en: "Direct call (RPC)", "pt-BR": "Chamada direta (RPC)" },
        summary: {
          en: "The producer calls the consumer directly; if it is down, the call fails.",
          "pt-BR": "O produtor chama o consumidor diretamente; se ele estiver fora do ar, a chamada falha.",
        },
        notice: {
          en: "Work sent while the consumer is down fails or disappears: the producer is coupled to the consumer in time.",
          "pt-BR": "O trabalho enviado enquanto o consumidor está fora do ar falha ou some: o produtor está acoplado ao consumidor no tempo.",
        },
      },
      fixed: {
        label: { en: "Via broker", "pt-BR": "Via broker" },
        summary: {
          en: "The broker keeps each event until the consumer is back to take it.",
          "pt-BR": "O broker guarda cada evento até o consumidor voltar e buscá-lo.",
        },
        notice: {
          en: "Nothing is lost during the outage: the backlog waits in the broker and drains when the consumer is back.",
          "pt-BR": "Nada se perde durante a queda: o acúmulo espera no broker e escoa quando o consumidor volta.",
        },
        verdict: {
          bought: { en: "nothing lost while the consumer was down", "pt-BR": "nada perdido enquanto o consumidor estava fora do ar" },
          leftOpen: { en: "the work waits: its latency grows with the outage", "pt-BR": "o trabalho espera: a latência cresce com a queda" },
        },
      },
    },
  },

  "t2-queues-topics": {
    topic: "2.5–2.6",
    title: { en: "Queues and topics", "pt-BR": "Filas e tópicos" },
    goal: {
      en: "Tell point-to-point from pub/sub: one consumer per event, or one copy per subscriber.",
      "pt-BR": "Distinguir ponto a ponto de pub/sub: um consumidor por evento, ou uma cópia por assinante.",
    },
    debrief: [
      {
        en: "How many consumers applied each event in the queue round? And in the topic round?",
        "pt-BR": "Quantos consumidores aplicaram cada evento na rodada com fila? E na rodada com tópico?",
      },
      {
        en: "In a system you know, where would you use a queue, and where a topic?",
        "pt-BR": "Num sistema que você conhece, onde usaria uma fila, e onde usaria um tópico?",
      },
      {
        en: "How does each broker name these ideas: exchange, queue, topic, subscription?",
        "pt-BR": "Como cada broker chama essas ideias: exchange, fila, tópico, assinatura?",
      },
    ],
    variants: {
      queue: {
        label: { en: "Queue (point-to-point)", "pt-BR": "Fila (ponto a ponto)" },
        summary: {
          en: "Consumers compete on one queue; each event goes to only one of them.",
          "pt-BR": "Os consumidores disputam uma fila; cada evento vai para apenas um deles.",
        },
        notice: {
          en: "Each event is applied once, by one of the three consumers.",
          "pt-BR": "Cada evento é aplicado uma vez, por um dos três consumidores.",
        },
      },
      topic: {
        label: { en: "Topic (pub/sub)", "pt-BR": "Tópico (pub/sub)" },
        summary: {
          en: "Every subscription receives its own copy of every event.",
          "pt-BR": "Cada assinatura recebe sua própria cópia de cada evento.",
        },
        notice: { en: "Each event is applied three times, once per subscription.", "pt-BR": "Cada evento é aplicado três vezes, uma por assinatura." },
      },
      ...BROKER_VARIANT_TEXTS["t2-queues-topics"],
    },
  },

  "t3-lost-messages": {
    topic: "3",
    title: { en: "Lost messages", "pt-BR": "Mensagens perdidas" },
    goal: {
      en: "Find where at-most-once loses messages, and close each gap with ACKs, retries and durability.",
      "pt-BR": "Achar onde o at-most-once perde mensagens e fechar cada brecha com ACKs, retries e durabilidade.",
    },
    debrief: [
      {
        en: "Which end lost each message: the producer, the broker or the consumer?",
        "pt-BR": "Qual ponta perdeu cada mensagem: o produtor, o broker ou o consumidor?",
      },
      {
        en: "Which change closed which loss: broker ACK, retry, ack after processing, durable broker?",
        "pt-BR": "Qual mudança fechou qual perda: ACK do broker, retry, ack após processar, broker durável?",
      },
      {
        en: "When is fire-and-forget (at-most-once) good enough, and what did the fix cost us?",
        "pt-BR": "Quando fire-and-forget (at-most-once) é suficiente, e quanto a correção nos custou?",
      },
    ],
    variants: {
      naive: {
        label: { en: "Fire-and-forget", "pt-BR": "Fire-and-forget" },
        summary: {
          en: "No broker ACK, auto-ack on receipt, broker holds messages in memory only.",
          "pt-BR": "Sem ACK do broker, auto-ack ao receber, broker guarda as mensagens só em memória.",
        },
        notice: {
          en: "Losses at the producer, in the broker's crash and at the consumer — and never a duplicate.",
          "pt-BR": "Perdas no produtor, na queda do broker e no consumidor — e nenhuma duplicada.",
        },
      },
      fixed: {
        label: { en: "ACK + retry + durable", "pt-BR": "ACK + retry + durável" },
        summary: {
          en: "Publisher confirms with retries, ack only after processing, durable broker.",
          "pt-BR": "Confirmação do broker com retries, ack só depois de processar, broker durável.",
        },
        notice: {
          en: "Nothing is lost; retries may now repeat an event, a preview of Topic 4.",
          "pt-BR": "Nada se perde; agora os retries podem repetir um evento, uma prévia do Tema 4.",
        },
        verdict: {
          bought: { en: "no loss", "pt-BR": "sem perdas" },
          leftOpen: {
            en: "{duplicated} duplicates from retries: delivery is now at-least-once",
            "pt-BR": "{duplicated} duplicatas de retries: a entrega agora é at-least-once",
          },
        },
      },
      ...FIX_VARIANT_TEXTS["t3-lost-messages"],
      ...BROKER_VARIANT_TEXTS["t3-lost-messages"],
    },
  },

  "t4-duplicates": {
    topic: "4",
    title: { en: "Duplicate messages", "pt-BR": "Mensagens duplicadas" },
    goal: {
      en: "Watch retries and redeliveries duplicate effects, then make them harmless with de-dup and idempotency.",
      "pt-BR": "Ver retries e reentregas duplicarem efeitos e torná-los inofensivos com desduplicação e idempotência.",
    },
    debrief: [
      {
        en: "Where did each duplicate come from: a producer retry or a redelivery to a consumer?",
        "pt-BR": "De onde veio cada duplicada: de um retry do produtor ou de uma reentrega ao consumidor?",
      },
      {
        en: "Why must the processed ids be written in the same transaction as the effect?",
        "pt-BR": "Por que os ids processados precisam ser gravados na mesma transação que o efeito?",
      },
      {
        en: "At-least-once is most brokers' default: what does that demand of every endpoint?",
        "pt-BR": "At-least-once é o padrão da maioria dos brokers: o que isso exige de todo endpoint?",
      },
    ],
    variants: {
      naive: {
        label: { en: "At-least-once", "pt-BR": "At-least-once" },
        summary: {
          en: "Retries and redeliveries, with no de-dup id and no idempotent consumer.",
          "pt-BR": "Retries e reentregas, sem id de desduplicação e sem consumidor idempotente.",
        },
        notice: {
          en: "Duplicates from producer retries and from redeliveries, and not a single loss.",
          "pt-BR": "Duplicadas vindas de retries do produtor e de reentregas, e nenhuma perda.",
        },
      },
      fixed: {
        label: { en: "De-dup + idempotency", "pt-BR": "Desdup. + idempotência" },
        summary: {
          en: "Broker drops repeats inside a de-dup window; consumer stores processed ids in the effect's transaction.",
          "pt-BR": "O broker descarta repetidas numa janela de desduplicação; o consumidor grava os ids processados na transação do efeito.",
        },
        notice: {
          en: "Retries and redeliveries still happen, but no effect is applied twice.",
          "pt-BR": "Retries e reentregas continuam acontecendo, mas nenhum efeito é aplicado duas vezes.",
        },
        verdict: {
          bought: { en: "no loss and no duplicated effect", "pt-BR": "sem perdas e sem efeito duplicado" },
          leftOpen: {
            en: "{misordered} out of order: de-duplication says nothing about order",
            "pt-BR": "{misordered} fora de ordem: desduplicação não diz nada sobre ordem",
          },
        },
      },
      ...FIX_VARIANT_TEXTS["t4-duplicates"],
    },
  },

  "t5-dual-writes": {
    topic: "5",
    title: { en: "Dual writes", "pt-BR": "Escrita dupla" },
    goal: {
      en: "See how saving to the DB and publishing drift apart, and fix it with a transactional outbox.",
      "pt-BR": "Ver como salvar no banco e publicar acabam divergindo, e corrigir isso com um outbox transacional.",
    },
    debrief: [
      {
        en: "Which events ended up only in the DB, and which only in the broker? Why?",
        "pt-BR": "Quais eventos ficaram só no banco, e quais só no broker? Por quê?",
      },
      {
        en: "Would simply retrying the publish have fixed it? What does the relay know that a retry does not?",
        "pt-BR": "Só retentar a publicação resolveria? O que o relay sabe que um retry simples não sabe?",
      },
      {
        en: "The outbox moved the dual write instead of removing it: where is it now, and why must consumers still de-dup?",
        "pt-BR": "O outbox moveu a escrita dupla em vez de eliminá-la: onde ela está agora, e por que o consumidor ainda precisa desduplicar?",
      },
    ],
    variants: {
      naive: {
        label: { en: "DB, then publish", "pt-BR": "Banco, depois publica" },
        summary: {
          en: "Save to the DB and publish as two separate steps; a crash can land in between.",
          "pt-BR": "Salva no banco e publica em dois passos separados; uma queda pode acontecer no meio.",
        },
        notice: {
          en: "Events saved in the DB never reach the broker when the producer crashes between the two steps.",
          "pt-BR": "Eventos salvos no banco nunca chegam ao broker quando o produtor cai entre os dois passos.",
        },
      },
      fixed: {
        label: { en: "Transactional outbox", "pt-BR": "Outbox transacional" },
        summary: {
          en: "Business change and outbox row in one transaction; a relay publishes; consumers de-dup.",
          "pt-BR": "Mudança de negócio e linha do outbox numa só transação; um relay publica; o consumidor desduplica.",
        },
        notice: {
          en: "DB and broker always agree: the relay publishes until the broker confirms, and consumers drop the repeats.",
          "pt-BR": "Banco e broker sempre concordam: o relay publica até o broker confirmar, e o consumidor descarta as repetidas.",
        },
        verdict: {
          bought: { en: "no inconsistency, no loss, no duplicated effect", "pt-BR": "sem inconsistência, sem perdas, sem efeito duplicado" },
          leftOpen: {
            en: "the relay polls: rows wait for the next poll, and a row sent again lands behind later ones",
            "pt-BR": "o relay faz polling: as linhas esperam o próximo polling, e uma linha reenviada cai atrás das posteriores",
          },
        },
      },
      ...FIX_VARIANT_TEXTS["t5-dual-writes"],
    },
  },

  "t6-competing-consumers": {
    topic: "6",
    title: { en: "Competing consumers", "pt-BR": "Consumidores concorrentes" },
    goal: {
      en: "Gain throughput with several consumers, then remove the races and misordering they bring.",
      "pt-BR": "Ganhar throughput com vários consumidores e depois eliminar as race conditions e a desordem que eles trazem.",
    },
    debrief: [
      {
        en: "How much faster than a single consumer was your team, and what did that speed cost?",
        "pt-BR": "Quanto mais rápido que um único consumidor foi o seu time, e quanto custou essa velocidade?",
      },
      {
        en: "How did two consumers lose an update on the same balance?",
        "pt-BR": "Como dois consumidores perderam uma atualização no mesmo saldo?",
      },
      {
        en: "Partitioning by key fixed it: what would a lock or a DB constraint have cost instead?",
        "pt-BR": "Particionar por chave resolveu: quanto custaria usar um lock ou uma constraint no banco?",
      },
    ],
    variants: {
      naive: {
        label: { en: "Competing, no lock", "pt-BR": "Concorrência sem lock" },
        summary: {
          en: "Three consumers share one queue with no lock: lost updates and misordering leave balances wrong.",
          "pt-BR": "Três consumidores dividem uma fila sem lock: atualizações perdidas e desordem deixam saldos errados.",
        },
        notice: {
          en: "Fast, but lost updates leave balances wrong, and a key's events are applied out of order.",
          "pt-BR": "Rápido, mas atualizações perdidas deixam saldos errados, e os eventos de uma chave são aplicados fora de ordem.",
        },
      },
      fixed: {
        label: { en: "Partition by key", "pt-BR": "Partição por chave" },
        summary: {
          en: "Each key maps to one partition read by one consumer: no races, order kept.",
          "pt-BR": "Cada chave cai numa partição lida por um só consumidor: sem race conditions, ordem mantida.",
        },
        notice: {
          en: "No lost update and no misordering, with the throughput still above one consumer's.",
          "pt-BR": "Sem atualização perdida e sem desordem, com throughput ainda acima do de um consumidor.",
        },
        verdict: {
          bought: { en: "no lost update, key order kept", "pt-BR": "nenhuma atualização perdida, ordem por chave mantida" },
          leftOpen: {
            en: "a key is as fast as one consumer: a hot key makes a hot partition",
            "pt-BR": "uma chave anda na velocidade de um consumidor: chave quente faz partição quente",
          },
        },
      },
      ...FIX_VARIANT_TEXTS["t6-competing-consumers"],
    },
  },

  "t7-ordering": {
    topic: "7",
    title: { en: "Out-of-order messages", "pt-BR": "Mensagens fora de ordem" },
    goal: {
      en: "Tell best-effort from strict ordering, and get strict per-key order end to end.",
      "pt-BR": "Diferenciar best-effort de strict ordering e obter ordem estrita por chave, de ponta a ponta.",
    },
    debrief: [
      {
        en: "Where did the order break: in the producer, the network, the broker or the consumers?",
        "pt-BR": "Onde a ordem quebrou: no produtor, na rede, no broker ou nos consumidores?",
      },
      {
        en: "Why is a single-threaded producer part of the fix, even with FIFO message groups?",
        "pt-BR": "Por que um produtor single-thread faz parte da solução, mesmo com grupos de mensagens FIFO?",
      },
      {
        en: "Could the business effect be made commutative, so that order stops mattering?",
        "pt-BR": "O efeito de negócio poderia ser comutativo, para que a ordem deixasse de importar?",
      },
    ],
    variants: {
      naive: {
        label: { en: "Best-effort order", "pt-BR": "Ordem best-effort" },
        summary: {
          en: "Multi-threaded producer and competing consumers: order is attempted, not kept; a withdrawal can overtake its deposit.",
          "pt-BR": "Produtor multi-thread e consumidores concorrentes: a ordem é tentada, não garantida; um saque pode passar na frente do depósito.",
        },
        notice: {
          en: "Withdrawals overtake their deposits and are declined: wrong balances that the customer sees.",
          "pt-BR": "Saques passam na frente dos depósitos e são recusados: saldos errados que o cliente vê.",
        },
      },
      fixed: {
        label: { en: "FIFO groups per key", "pt-BR": "Grupos FIFO por chave" },
        summary: {
          en: "FIFO message groups per key and a single-threaded producer with one event in flight.",
          "pt-BR": "Grupos de mensagens FIFO por chave e produtor single-thread com um evento em voo por vez.",
        },
        notice: {
          en: "Every key's events are applied in order, at the price of one publish at a time.",
          "pt-BR": "Os eventos de cada chave são aplicados em ordem, ao preço de uma publicação por vez.",
        },
        verdict: {
          bought: { en: "strict per-key order", "pt-BR": "ordem estrita por chave" },
          leftOpen: { en: "one publish at a time: the producer is the bottleneck", "pt-BR": "uma publicação por vez: o produtor vira o gargalo" },
        },
      },
      ...FIX_VARIANT_TEXTS["t7-ordering"],
      ...BROKER_VARIANT_TEXTS["t7-ordering"],
    },
  },

  "t8-exactly-once": {
    topic: "8",
    title: { en: "Exactly once", "pt-BR": "Exatamente uma vez" },
    goal: {
      en: "Build exactly-once processing on top of at-least-once, with de-dup and idempotency at both ends.",
      "pt-BR": "Construir exactly-once processing sobre o at-least-once, com desduplicação e idempotência nas duas pontas.",
    },
    debrief: [
      {
        en: "Why is exactly-once delivery impossible, and what did we get instead?",
        "pt-BR": "Por que exactly-once delivery é impossível, e o que conseguimos no lugar?",
      },
      {
        en: "Which party removed which anomaly: the producer, the broker or the consumer?",
        "pt-BR": "Qual parte eliminou qual anomalia: o produtor, o broker ou o consumidor?",
      },
      {
        en: "Which features of a real broker would you lean on here, and where do they stop helping?",
        "pt-BR": "Em quais recursos de um broker real você se apoiaria aqui, e onde eles deixam de ajudar?",
      },
    ],
    variants: {
      naive: {
        label: { en: "At-least-once only", "pt-BR": "Só at-least-once" },
        summary: {
          en: "At-least-once everywhere with no de-dup, under heavy faults.",
          "pt-BR": "At-least-once em todas as partes, sem desduplicação, sob muitas falhas.",
        },
        notice: { en: "Losses and duplicates pile up under the faults.", "pt-BR": "Perdas e duplicadas se acumulam sob as falhas." },
      },
      fixed: {
        label: { en: "End-to-end de-dup", "pt-BR": "Desdup. ponta a ponta" },
        summary: {
          en: "Outbox at the producer, de-dup in the broker, idempotent consumer, under the same faults.",
          "pt-BR": "Outbox no produtor, desduplicação no broker e consumidor idempotente, sob as mesmas falhas.",
        },
        notice: { en: "No loss and no duplicated effect, under the same faults.", "pt-BR": "Sem perdas e sem efeito duplicado, sob as mesmas falhas." },
        verdict: {
          bought: { en: "no loss and no duplicated effect", "pt-BR": "sem perdas e sem efeito duplicado" },
          leftOpen: { en: "{misordered} out of order: exactly-once is not in-order", "pt-BR": "{misordered} fora de ordem: exactly-once não é em ordem" },
        },
      },
      ...FIX_VARIANT_TEXTS["t8-exactly-once"],
    },
  },

  "t9-end-to-end": {
    topic: "9",
    title: { en: "End to end", "pt-BR": "Ponta a ponta" },
    goal: {
      en: "Reflect on guarantees as a shared job: which party could have prevented each anomaly?",
      "pt-BR": "Refletir sobre garantias como trabalho conjunto: qual parte poderia ter evitado cada anomalia?",
    },
    debrief: [
      {
        en: "For each anomaly, which end could have prevented it, and how?",
        "pt-BR": "Para cada anomalia, qual ponta poderia tê-la evitado, e como?",
      },
      {
        en: "Which guarantee could no single party have given on its own?",
        "pt-BR": "Qual garantia nenhuma parte conseguiria dar sozinha?",
      },
      {
        en: "In a real system you know, what would you fix first?",
        "pt-BR": "Num sistema real que você conhece, o que você corrigiria primeiro?",
      },
    ],
    variants: {
      chaos: {
        label: { en: "Chaos", "pt-BR": "Caos" },
        summary: {
          en: "Every option open and every fault on; each anomaly is traced to the end that could stop it.",
          "pt-BR": "Todas as opções abertas e todas as falhas ligadas; cada anomalia é atribuída à ponta que poderia evitá-la.",
        },
        notice: {
          en: "Anomalies of every kind: for each one, which end could have prevented it?",
          "pt-BR": "Anomalias de todo tipo: para cada uma, qual ponta poderia tê-la evitado?",
        },
      },
      design: {
        label: { en: "Design round", "pt-BR": "Rodada de design" },
        summary: {
          en: "Each student sets their own end of the pipeline before the round; every team then faces the same chaos.",
          "pt-BR": "Cada estudante configura a sua ponta do pipeline antes da rodada; depois todas as equipes enfrentam o mesmo caos.",
        },
        notice: {
          en: "Which choices kept the business whole, and what did each one cost in throughput?",
          "pt-BR": "Quais escolhas mantiveram o negócio inteiro, e quanto cada uma custou em throughput?",
        },
      },
      ...FIX_VARIANT_TEXTS["t9-end-to-end"],
    },
  },
} satisfies Record<ScenarioId, ScenarioText>;

// ---------------------------------------------------------------------------------------
// Causes of anomalies, as shown in the debrief (docs/anomalies.md#causes)
// ---------------------------------------------------------------------------------------

export const CAUSE_TEXTS: Record<string, Text> = {
  // lost
  linkLoss: {
    en: "lost: the network dropped it on {link} at {tick}",
    "pt-BR": "perdida: a rede descartou a mensagem no link {link} em {tick}",
  },
  linkCut: {
    en: "lost: link {link} was cut at {tick} and nobody sent it again",
    "pt-BR": "perdida: o link {link} estava cortado em {tick} e ninguém reenviou",
  },
  nodeDown: {
    en: "lost: sent to {node} over {link}, it arrived at {tick} while {node} was down",
    "pt-BR": "perdida: enviada para {node} pelo link {link}, chegou em {tick} quando {node} estava fora do ar",
  },
  neverRetried: {
    en: "lost: its publish timed out at {tick} and producer {node} never sent it again",
    "pt-BR": "perdida: a publicação deu timeout em {tick} e o produtor {node} nunca tentou de novo",
  },
  producerCrashPending: {
    en: "lost: producer {node} crashed at {tick} while awaiting its confirm, and forgot it",
    "pt-BR": "perdida: o produtor {node} caiu em {tick} esperando a confirmação e esqueceu a mensagem",
  },
  producerCrashBeforePublish: {
    en: "lost: saved in the DB, but producer {node} crashed at {tick} before publishing it",
    "pt-BR": "perdida: foi salva no banco, mas o produtor {node} caiu em {tick} antes de publicá-la",
  },
  brokerCrashNotDurable: {
    en: "lost: the broker crashed at {tick} while the message was only in memory (not durable)",
    "pt-BR": "perdida: o broker caiu em {tick} com a mensagem só em memória (não durável)",
  },
  brokerCrashUnpersisted: {
    en: "lost: the broker crashed at {tick} before writing the message to disk",
    "pt-BR": "perdida: o broker caiu em {tick} antes de gravar a mensagem em disco",
  },
  brokerCrashBeforeRoute: {
    en: "lost: the broker crashed at {tick} before routing the message",
    "pt-BR": "perdida: o broker caiu em {tick} antes de rotear a mensagem",
  },
  brokerDiskLost: {
    en: "lost: the broker's disk was lost at {tick}, and with it every copy it held — no replica had it",
    "pt-BR": "perdida: o disco do broker se perdeu em {tick}, e com ele todas as cópias que guardava — nenhuma réplica tinha a mensagem",
  },
  consumerCrashAutoAck: {
    en: "lost: {consumer} crashed at {tick}, but auto-ack had already removed it from the queue",
    "pt-BR": "perdida: {consumer} caiu em {tick}, mas o auto-ack já tinha tirado a mensagem da fila",
  },
  consumerCrashAfterAck: {
    en: "lost: {consumer} acked before processing, then crashed at {tick}",
    "pt-BR": "perdida: {consumer} deu ACK antes de processar e caiu em {tick}",
  },
  consumerCrashDirectCall: {
    en: "lost: {consumer} crashed at {tick} in the middle of the direct call, and nobody called again",
    "pt-BR": "perdida: {consumer} caiu em {tick} no meio da chamada direta, e ninguém chamou de novo",
  },
  consumerCrashBrokerForgot: {
    en: "lost: {consumer} crashed at {tick} holding it, and the broker, which had crashed too, had no copy left to redeliver",
    "pt-BR": "perdida: {consumer} caiu em {tick} com a mensagem, e o broker, que também tinha caído, não tinha mais cópia para reentregar",
  },
  consumerCrashOffsetCommitted: {
    en: "lost: {consumer} committed a later offset, which covered this message before it was processed, then crashed at {tick}",
    "pt-BR": "perdida: {consumer} confirmou um offset posterior, que cobriu esta mensagem antes de ela ser processada, e caiu em {tick}",
  },
  retentionExpired: {
    en: "lost: retention expired at {tick} before anyone consumed it",
    "pt-BR": "perdida: a retenção expirou em {tick} antes de alguém consumir a mensagem",
  },
  maxDeliveries: {
    en: "lost: dropped at {tick} after reaching the delivery limit",
    "pt-BR": "perdida: descartada em {tick} ao atingir o limite de entregas",
  },
  rejectedDropped: {
    en: "lost: {consumer} rejected it without requeue at {tick}, and with nowhere set up to dead-letter it ({deadLetterPlace}) the broker dropped it",
    "pt-BR": "perdida: {consumer} a rejeitou sem requeue em {tick} e, sem destino de dead letter configurado ({deadLetterPlace}), o broker a descartou",
  },
  misrouted: {
    en: "lost: at {tick} the broker routed it to another subscription only",
    "pt-BR": "perdida: em {tick} o broker roteou a mensagem só para outra assinatura",
  },
  notDrained: {
    en: "lost: still in the pipeline when the drain gave up at {tick}",
    "pt-BR": "perdida: ainda estava no caminho quando o escoamento desistiu em {tick}",
  },

  // parked
  parkedDeadLetter: {
    en: "parked: dead-lettered at {tick} ({deadLetterPlace}) after too many deliveries ({consumer} had it last); the team running the consumers must look at it there",
    "pt-BR":
      "estacionada: virou dead letter em {tick} ({deadLetterPlace}) depois de entregas demais ({consumer} a teve por último); a equipe dos consumidores precisa olhá-la lá",
  },
  parkedRejected: {
    en: "parked: {consumer} rejected it at {tick} and it was dead-lettered ({deadLetterPlace}), where the team running the consumers must look at it",
    "pt-BR": "estacionada: {consumer} a rejeitou em {tick} e ela virou dead letter ({deadLetterPlace}), onde a equipe dos consumidores precisa olhá-la",
  },
  parkedInStream: {
    en: "parked: reached MaxDeliver at {tick} ({consumer} had it last); it stays in the stream and the MAX_DELIVERIES advisory tells the operator to look at it",
    "pt-BR":
      "estacionada: atingiu o MaxDeliver em {tick} ({consumer} a teve por último); ela fica no stream e o advisory MAX_DELIVERIES avisa o operador para olhá-la",
  },
  parkedTerminated: {
    en: "parked: {consumer} terminated it (+TERM) at {tick}; it stays in the stream, no longer delivered, until the operator looks at it",
    "pt-BR": "estacionada: {consumer} a encerrou (+TERM) em {tick}; ela fica no stream, sem novas entregas, até o operador olhá-la",
  },

  // duplicated
  dupProducerRetry: {
    en: "duplicate: the confirm was lost on {link} at {tick}, so the producer sent it again and a second copy entered the queue",
    "pt-BR": "duplicada: a confirmação se perdeu no link {link} em {tick}, o produtor reenviou e uma segunda cópia entrou na fila",
  },
  dupRetryBrokerCrash: {
    en: "duplicate: the broker crashed at {tick} before confirming it, so the producer sent it again and a second copy entered the queue",
    "pt-BR": "duplicada: o broker caiu em {tick} antes de confirmar, o produtor reenviou e uma segunda cópia entrou na fila",
  },
  dupRetryLateConfirm: {
    en: "duplicate: no confirm had come when the producer's timeout ran out at {tick}, so it sent it again and a second copy entered the queue",
    "pt-BR": "duplicada: a confirmação não tinha chegado quando o timeout do produtor venceu em {tick}; ele reenviou e uma segunda cópia entrou na fila",
  },
  dupRelayRepublish: {
    en: "duplicate: the outbox relay got no confirm for the row in time and published it again at {tick}",
    "pt-BR": "duplicada: o relay do outbox não recebeu a confirmação da linha a tempo e a publicou de novo em {tick}",
  },
  dupRelayAfterCrash: {
    en: "duplicate: producer {node} crashed at {tick} before the row's confirm came, and its relay published the row again after the restart",
    "pt-BR": "duplicada: o produtor {node} caiu em {tick} antes de chegar a confirmação da linha, e o relay a publicou de novo depois de reiniciar",
  },
  dupRedeliveryTimeout: {
    en: "duplicate: {consumer}'s ACK had not reached the broker when the timeout ran out at {tick}, so it was delivered again ({redelivery})",
    "pt-BR": "duplicada: o ACK de {consumer} não tinha chegado ao broker quando o timeout venceu em {tick}, e a mensagem foi entregue de novo ({redelivery})",
  },
  dupRedeliveryCrash: {
    en: "duplicate: {consumer} crashed at {tick} before its ACK reached the broker, so the message was delivered again",
    "pt-BR": "duplicada: {consumer} caiu em {tick} antes de o ACK chegar ao broker, e a mensagem foi entregue de novo",
  },
  dupVisibleAfterCrash: {
    en: "duplicate: {consumer} crashed at {tick} before its ACK reached the broker; the message came back when its {redelivery} ran out, and was delivered again",
    "pt-BR": "duplicada: {consumer} caiu em {tick} antes de o ACK chegar ao broker; a mensagem voltou quando o {redelivery} venceu, e foi entregue de novo",
  },
  dupConnectionLost: {
    en: "duplicate: {consumer}'s connection broke at {tick}; when the heartbeat timed out the broker requeued what it held unacked, and the message was delivered again",
    "pt-BR":
      "duplicada: a conexão de {consumer} caiu em {tick}; quando o heartbeat expirou, o broker devolveu à fila o que estava sem ACK, e a mensagem foi entregue de novo",
  },
  dupRebalance: {
    en: "duplicate: {consumer} crashed at {tick} before committing its offset; after the rebalance the partition was read again from the last commit",
    "pt-BR": "duplicada: {consumer} caiu em {tick} antes de fazer commit do offset; depois do rebalance a partição foi relida desde o último commit",
  },
  dupNack: {
    en: "duplicate: {consumer} nacked it with requeue at {tick} after its effect was written, so it was delivered and applied again",
    "pt-BR": "duplicada: {consumer} deu NACK com requeue em {tick} depois de o efeito ter sido gravado, e ela foi entregue e aplicada de novo",
  },
  ackLost: {
    en: "duplicate: {consumer}'s ACK was lost on {link} at {tick}, so the broker delivered the message again",
    "pt-BR": "duplicada: o ACK de {consumer} se perdeu no link {link} em {tick}, e o broker entregou a mensagem de novo",
  },
  dupBrokerRestart: {
    en: "duplicate: the broker crashed at {tick} before {consumer}'s ACK reached it, and delivered the message again when it came back",
    "pt-BR": "duplicada: o broker caiu em {tick} antes de o ACK de {consumer} chegar, e entregou a mensagem de novo ao voltar",
  },
  dupConcurrent: {
    en: "duplicate: {consumer} and {otherConsumer} processed copies at once; both checked before either recorded it",
    "pt-BR": "duplicada: {consumer} e {otherConsumer} processaram cópias ao mesmo tempo; os dois checaram antes de qualquer um registrar",
  },
  dupSeparateWrite: {
    en: "duplicate: the processed id was saved apart from the effect, and {consumer} crashed in between at {tick}",
    "pt-BR": "duplicada: o id processado era gravado à parte do efeito, e {consumer} caiu entre os dois em {tick}",
  },
  dupOutsideTransaction: {
    en: "duplicate outside the broker: {consumer} made the external call, then crashed at {tick} before its transaction committed; the message was processed again and the call made twice",
    "pt-BR":
      "duplicada fora do broker: {consumer} fez a chamada externa e caiu em {tick} antes de a transação confirmar; a mensagem foi processada de novo e a chamada feita duas vezes",
  },

  // misordered
  misorderProducer: {
    en: "out of order: seq {seq} got no confirm in time, and the producer sent it again after it had sent seq {otherSeq}",
    "pt-BR": "fora de ordem: a seq {seq} não foi confirmada a tempo, e o produtor a reenviou depois de já ter enviado a seq {otherSeq}",
  },
  misorderRelay: {
    en: "out of order: seq {seq} got no confirm in time, and the outbox relay published it again after seq {otherSeq}",
    "pt-BR": "fora de ordem: a seq {seq} não foi confirmada a tempo, e o relay do outbox a publicou de novo depois da seq {otherSeq}",
  },
  misorderSentLate: {
    en: "out of order: the producer published seq {seq} after seq {otherSeq}",
    "pt-BR": "fora de ordem: o produtor publicou a seq {seq} depois da seq {otherSeq}",
  },
  misorderNetwork: {
    en: "out of order: network jitter on {link} let seq {otherSeq} overtake seq {seq}",
    "pt-BR": "fora de ordem: o jitter da rede no link {link} fez a seq {otherSeq} ultrapassar a seq {seq}",
  },
  misorderRouting: {
    en: "out of order: the broker routed seq {otherSeq} before seq {seq}",
    "pt-BR": "fora de ordem: o broker roteou a seq {otherSeq} antes da seq {seq}",
  },
  misorderRedelivery: {
    en: "out of order: seq {seq} was redelivered after seq {otherSeq}",
    "pt-BR": "fora de ordem: a seq {seq} foi reentregue depois da seq {otherSeq}",
  },
  misorderNack: {
    en: "out of order: {consumer} nacked seq {seq} with requeue at {tick}; back in the queue, it was handled after seq {otherSeq}",
    "pt-BR": "fora de ordem: {consumer} deu NACK com requeue na seq {seq} em {tick}; de volta à fila, ela foi tratada depois da seq {otherSeq}",
  },
  misorderCompeting: {
    en: "out of order: {otherConsumer} applied seq {otherSeq} before {consumer} applied seq {seq}",
    "pt-BR": "fora de ordem: {otherConsumer} aplicou a seq {otherSeq} antes de {consumer} aplicar a seq {seq}",
  },
  misorderHold: {
    en: "out of order: {consumer} processed seq {otherSeq} before seq {seq} had reached it; holding seq {otherSeq} until then would have kept the order",
    "pt-BR": "fora de ordem: {consumer} processou a seq {otherSeq} antes de a seq {seq} chegar; reter a seq {otherSeq} até lá teria mantido a ordem",
  },
  misorderHoldGaveUp: {
    en: "out of order: {consumer} held seq {otherSeq} waiting for seq {seq}, gave up at {tick} and processed it first",
    "pt-BR": "fora de ordem: {consumer} reteve a seq {otherSeq} esperando a seq {seq}, desistiu em {tick} e a processou antes",
  },
  misorderHoldFull: {
    en: "out of order: seq {otherSeq} reached {consumer} early at {tick}, but its hold buffer was full, so it went ahead of seq {seq}",
    "pt-BR":
      "fora de ordem: a seq {otherSeq} chegou adiantada a {consumer} em {tick}, mas o buffer de retenção estava cheio e ela passou na frente da seq {seq}",
  },
  misorderConsumer: {
    en: "out of order: {consumer} already had seq {seq} and processed seq {otherSeq} first",
    "pt-BR": "fora de ordem: {consumer} já tinha a seq {seq} e processou a seq {otherSeq} antes",
  },

  // race anomaly
  raceLostUpdate: {
    en: "race: {consumer} and {otherConsumer} read the same balance and both wrote it back; one update was lost",
    "pt-BR": "race condition: {consumer} e {otherConsumer} leram o mesmo saldo e os dois o regravaram; uma atualização se perdeu",
  },

  // inconsistent
  inconsistentDbOnly: {
    en: "inconsistent: the event was saved in the DB, but producer {node} crashed at {tick} before publishing",
    "pt-BR": "inconsistente: o evento foi salvo no banco, mas o produtor {node} caiu em {tick} antes de publicar",
  },
  inconsistentPublishLost: {
    en: "inconsistent: the event was saved in the DB, but its publish was lost on {link} at {tick} and never sent again",
    "pt-BR": "inconsistente: o evento foi salvo no banco, mas a publicação se perdeu no link {link} em {tick} e nunca foi reenviada",
  },
  inconsistentPublishForgotten: {
    en: "inconsistent: the event was saved in the DB, but its publish never reached the broker and producer {node} crashed at {tick} and forgot it",
    "pt-BR": "inconsistente: o evento foi salvo no banco, mas a publicação não chegou ao broker e o produtor {node} caiu em {tick} e a esqueceu",
  },
  inconsistentPublishedOnly: {
    en: "inconsistent: the event was published, but producer {node} crashed at {tick} before saving it to the DB",
    "pt-BR": "inconsistente: o evento foi publicado, mas o produtor {node} caiu em {tick} antes de salvá-lo no banco",
  },
  inconsistentOwnEventLost: {
    en: "inconsistent: the event was published, but the service's own subscription never applied it, so its DB never got the row (lost at {tick})",
    "pt-BR":
      "inconsistente: o evento foi publicado, mas a assinatura do próprio serviço nunca o aplicou, e o banco dele nunca recebeu a linha (perdido em {tick})",
  },
  inconsistentUnfinished: {
    en: "inconsistent: the DB write and the publish were still half done when the round ended at {tick}",
    "pt-BR": "inconsistente: a gravação no banco e a publicação ainda estavam pela metade quando a rodada terminou em {tick}",
  },

  // wrong final state
  wrongFinalState: {
    en: "wrong balance: {key}'s account ends at R$ {final}; applied once each and in order, its events leave R$ {expected}",
    "pt-BR": "saldo errado: a conta de {key} termina com R$ {final}; com cada evento aplicado uma vez e em ordem, seria R$ {expected}",
  },
} satisfies Record<CauseCode, Text>;

// ---------------------------------------------------------------------------------------
// Broker profiles: each broker's own vocabulary (docs/brokers.md#vocabulary)
// ---------------------------------------------------------------------------------------

export const PROFILE_TEXTS: Record<ProfileId, ProfileText> = {
  rabbitmq: {
    name: "RabbitMQ",
    ack: "basic.ack",
    nack: "basic.nack / basic.reject",
    publishConfirm: "publisher confirms",
    redeliveryTimeout: "requeue on channel close",
    redeliveredFlag: "redelivered=true",
    durable: "durable queue + delivery_mode=2",
    dedup: "none for queues",
    partition: "x-modulus-hash exchange",
    group: "single active consumer",
    retention: "message TTL / length limit",
    summary: {
      en: "Manual basic.ack; unacked messages are requeued when the channel closes, never on a timer (redelivered=true); basic.nack requeues (a quorum queue: at the tail) or dead-letters; only persistent messages on durable queues, and quorum queues, survive a restart; queues have no de-dup.",
      "pt-BR":
        "basic.ack manual; mensagens sem ack voltam para a fila quando o canal fecha, nunca por tempo (redelivered=true); basic.nack devolve à fila (numa quorum queue, ao fim) ou manda para a dead-letter; só mensagens persistentes em filas duráveis, e quorum queues, sobrevivem a um restart; filas não têm desduplicação.",
    },
  },
  kafka: {
    name: "Kafka",
    ack: "offset commit",
    nack: "no nack: don't commit / seek",
    publishConfirm: "acks=all",
    redeliveryTimeout: "session.timeout.ms (rebalance)",
    redeliveredFlag: "none (replay from offset)",
    durable: "replication (min.insync.replicas)",
    dedup: "enable.idempotence",
    partition: "partition by key hash",
    group: "consumer group",
    retention: "retention.ms",
    summary: {
      en: "Consumers commit offsets; after a crash a partition replays from the last commit; the idempotent producer drops only its own retries; the log keeps records until retention, read or not.",
      "pt-BR":
        "Consumidores fazem commit de offsets; após uma queda a partição é relida desde o último commit; o produtor idempotente só descarta os próprios retries; o log guarda tudo até a retenção, lido ou não.",
    },
  },
  sqs: {
    name: "SQS / SNS",
    ack: "DeleteMessage",
    nack: "ChangeMessageVisibility 0",
    publishConfirm: "SendMessage response",
    redeliveryTimeout: "visibility timeout",
    redeliveredFlag: "ApproximateReceiveCount",
    durable: "always stored (managed)",
    dedup: "MessageDeduplicationId",
    partition: "none (message groups)",
    group: "MessageGroupId (FIFO)",
    retention: "MessageRetentionPeriod",
    summary: {
      en: "A message not deleted before the visibility timeout becomes visible again, even when its consumer crashed; standard queues do not de-duplicate; FIFO queues drop a repeated MessageDeduplicationId within 5 minutes and keep order per MessageGroupId; a redrive policy moves a message to the DLQ.",
      "pt-BR":
        "Mensagem não apagada antes do visibility timeout volta a ficar visível, mesmo se o consumidor caiu; filas standard não desduplicam; filas FIFO descartam MessageDeduplicationId repetido em 5 minutos e mantêm a ordem por MessageGroupId; uma redrive policy move a mensagem para a DLQ.",
    },
  },
  activemq: {
    name: "ActiveMQ",
    ack: "message.acknowledge()",
    nack: "session.recover() / rollback",
    publishConfirm: "synchronous persistent send",
    redeliveryTimeout: "RedeliveryPolicy delay",
    redeliveredFlag: "JMSRedelivered",
    durable: "PERSISTENT delivery mode",
    dedup: "_AMQ_DUPL_ID",
    partition: "none (message groups)",
    group: "JMSXGroupID",
    retention: "message TTL → DLQ",
    summary: {
      en: "Unacked messages are redelivered up to a limit, then sent to the DLQ; non-persistent messages die with the broker; Artemis drops repeats of _AMQ_DUPL_ID from a bounded id cache.",
      "pt-BR":
        "Mensagens sem ack são reentregues até um limite e depois vão para a DLQ; mensagens não persistentes morrem com o broker; o Artemis descarta _AMQ_DUPL_ID repetido usando um cache limitado de ids.",
    },
  },
  nats: {
    name: "NATS JetStream",
    ack: "+ACK (AckExplicit)",
    nack: "-NAK",
    publishConfirm: "PubAck",
    redeliveryTimeout: "AckWait",
    redeliveredFlag: "delivery count",
    durable: "file storage",
    dedup: "Nats-Msg-Id",
    partition: "partition() subject mapping",
    group: "MaxAckPending=1",
    retention: "MaxAge / DiscardOld",
    summary: {
      en: "A message not acked within AckWait is redelivered, even when its consumer crashed, up to MaxDeliver, after which it stays in the stream with an advisory; a repeated Nats-Msg-Id inside the DuplicateWindow (2 min) is dropped.",
      "pt-BR":
        "Mensagem sem ack dentro do AckWait é reentregue, mesmo se o consumidor caiu, até MaxDeliver; depois ela fica no stream com um advisory; um Nats-Msg-Id repetido dentro da DuplicateWindow (2 min) é descartado.",
    },
  },
};

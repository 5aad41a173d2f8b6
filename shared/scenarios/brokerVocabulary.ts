// Each broker profile's own words (docs/brokers.md#vocabulary), the one place the screens take
// them from: the projector's pipeline labels, the phones' buttons, hints and role help, the
// debrief, the tour of the brokers. A term written as a plain string is a product or API name
// (basic.ack, AckWait, visibility timeout…) and is not translated; a term in both languages
// is ordinary words. Templates name terms in braces ({ack}, {queue}…); `fillTerms` fills them.
// Pure data, beside PROFILE_TEXTS (texts.ts), whose one-line summaries are each broker's behaviour.
import type { ActionButton } from "../engine/actions.js";
import type { ProfileId } from "../engine/config.js";
import type { Role } from "../engine/types.js";
import type { Locale, Text } from "./texts.js";

/** A product term (one string, every language) or ordinary words in both languages. */
export type Term = string | Text;

export const VOCABULARY_TERMS = [
  /** The broker's product name. */
  "broker",
  /** Where a queue variant's messages wait for one of the consumers. */
  "queue",
  /** What a publish–subscribe variant publishes to (every subscription gets a copy). */
  "topic",
  /** One consumer's (or group's) own copy of a topic. */
  "subscription",
  /** What receives a publish and routes it (RabbitMQ's exchange). */
  "exchange",
  /** What ties a queue to the exchange, with its key. */
  "binding",
  /** The consumer settles a delivery. */
  "ack",
  /** The consumer hands a delivery back for another try. */
  "nack",
  /** The consumer refuses a delivery for good. */
  "reject",
  /** The broker tells the producer it has the message. */
  "publishConfirm",
  /** The one reply that carries that news back to the producer (what a dropped ACK to the producer loses). */
  "publishAck",
  /** The message is written where a crash cannot take it. */
  "persist",
  /** How many unsettled deliveries a consumer may hold. */
  "prefetch",
  /** What brings an unsettled delivery back. */
  "redelivery",
  /** How a consumer can tell a delivery was seen before. */
  "redelivered",
  /** Where a message past its delivery limit, or rejected, is parked. */
  "deadLetter",
  /** Where a cause sentence says a dead-lettered message went, in the broker's own names (DLX, redrive, ActiveMQ.DLQ, the MaxDeliver advisory). */
  "deadLetterPlace",
  /** What lets the broker drop a repeated publish. */
  "dedupId",
  /** What keeps one key on one consumer at a time. */
  "group",
  /** How keys are spread over parallel lanes. */
  "partition",
] as const;
export type VocabularyTerm = (typeof VOCABULARY_TERMS)[number];

export interface BrokerVocabulary {
  terms: Record<VocabularyTerm, Term>;
  /** The phone's button labels in this broker's words (22 characters at most); the others keep the game's. */
  buttons: Partial<Record<ActionButton, Term>>;
}

const w = (en: string, pt: string): Text => ({ en, "pt-BR": pt });

export const BROKER_VOCABULARY: Record<ProfileId, BrokerVocabulary> = {
  rabbitmq: {
    terms: {
      broker: "RabbitMQ",
      queue: w("queue", "fila (queue)"),
      topic: "fanout exchange",
      subscription: w("queue bound to the exchange", "fila ligada à exchange"),
      exchange: "exchange",
      binding: "binding",
      ack: "basic.ack",
      nack: "basic.nack (requeue)",
      reject: "basic.reject",
      publishConfirm: "publisher confirm",
      publishAck: "basic.ack (confirm)",
      persist: w("persistent message on a durable queue", "mensagem persistente em fila durável"),
      prefetch: "prefetch (basic.qos)",
      redelivery: w("requeue when the channel closes", "requeue quando o canal fecha"),
      redelivered: "redelivered=true",
      deadLetter: "dead-letter exchange (DLX)",
      deadLetterPlace: w("DLX → dead-letter queue", "DLX → fila de dead letter"),
      dedupId: w("none: queues do not de-duplicate", "nenhum: filas não desduplicam"),
      group: "single active consumer",
      partition: "x-modulus-hash exchange",
    },
    buttons: {
      ack: "basic.ack",
      nack: "basic.nack (requeue)",
      reject: "basic.reject",
      confirm: "Publisher confirm",
      route: w("Route (binding)", "Rotear (binding)"),
      persist: w("Persist (fsync)", "Persistir (fsync)"),
    },
  },
  kafka: {
    terms: {
      broker: "Kafka",
      queue: w("topic read by one consumer group", "tópico lido por um consumer group"),
      topic: w("topic", "tópico (topic)"),
      subscription: "consumer group",
      exchange: w("the producer's partitioner", "o particionador do produtor"),
      binding: w("the consumer group's subscription", "a inscrição do consumer group"),
      ack: "offset commit",
      nack: w("no nack: seek back", "sem nack: seek para trás"),
      reject: w("no reject: skip the offset", "sem reject: pular o offset"),
      publishConfirm: "acks=all",
      publishAck: w("produce response", "resposta do produce"),
      persist: w("replicated log (min.insync.replicas)", "log replicado (min.insync.replicas)"),
      prefetch: "max.poll.records",
      redelivery: w("rebalance after session.timeout.ms", "rebalance após session.timeout.ms"),
      redelivered: w("re-read from the committed offset", "relida a partir do offset commitado"),
      deadLetter: w("no DLQ: a dead-letter topic is up to the application", "sem DLQ: um tópico de dead letter fica a cargo da aplicação"),
      deadLetterPlace: w("a dead-letter topic the consumer writes", "um tópico de dead letter escrito pelo consumidor"),
      dedupId: "idempotent producer",
      group: "consumer group",
      partition: w("partition", "partição (partition)"),
    },
    buttons: {
      ack: w("Commit offset", "Commit do offset"),
      nack: w("Seek back", "Seek para trás"),
      confirm: "acks=all",
      // Kafka's broker appends each record to one of the topic's partitions (six in every variant
      // on Kafka, Topic 2's included); the partition comes from the key, every group reads it.
      route: w("Append to partition", "Gravar na partição"),
      persist: w("Replicate", "Replicar"),
    },
  },
  sqs: {
    terms: {
      broker: "Amazon SQS",
      queue: w("SQS queue", "fila SQS"),
      topic: "SNS topic",
      subscription: w("SQS queue subscribed to the SNS topic", "fila SQS inscrita no tópico SNS"),
      exchange: "SNS topic",
      binding: "SNS subscription (filter policy)",
      ack: "DeleteMessage",
      nack: "ChangeMessageVisibility 0",
      reject: w("no reject: redrive after maxReceiveCount", "sem reject: redrive após maxReceiveCount"),
      publishConfirm: w("SendMessage response", "resposta do SendMessage"),
      publishAck: w("SendMessage response", "resposta do SendMessage"),
      persist: w("stored by AWS across zones", "guardada pela AWS em várias zonas"),
      prefetch: "MaxNumberOfMessages",
      redelivery: "visibility timeout",
      redelivered: "ApproximateReceiveCount",
      deadLetter: "redrive to DLQ",
      deadLetterPlace: "redrive policy → DLQ",
      dedupId: "deduplication id",
      group: "message group",
      partition: "message group",
    },
    buttons: {
      ack: "DeleteMessage",
      nack: "Visibility 0",
      confirm: w("SendMessage OK", "SendMessage OK"),
      // Topic 2 runs SQS both as one queue (SendMessage) and behind an SNS topic (one queue per
      // subscription): the label holds for both, where "fan out" was wrong for the queue.
      route: w("Into SQS queue(s)", "Para fila(s) SQS"),
      persist: w("Store", "Guardar"),
    },
  },
  activemq: {
    terms: {
      broker: "ActiveMQ",
      queue: w("queue", "fila (queue)"),
      topic: w("topic", "tópico (topic)"),
      subscription: "durable subscription",
      exchange: w("destination", "destino (destination)"),
      binding: w("subscription to the topic", "assinatura do tópico"),
      ack: "acknowledge()",
      nack: "session.recover()",
      reject: w("poison ack: to the DLQ", "poison ack: para a DLQ"),
      publishConfirm: w("synchronous persistent send", "envio persistente síncrono"),
      publishAck: w("send receipt", "recibo do envio"),
      persist: "PERSISTENT delivery",
      prefetch: "prefetch",
      redelivery: "redelivery policy",
      redelivered: "JMSRedelivered",
      deadLetter: "DLQ (ActiveMQ.DLQ)",
      deadLetterPlace: "ActiveMQ.DLQ",
      dedupId: w("producer audit", "auditoria do produtor (producer audit)"),
      group: "JMSXGroupID",
      partition: "message groups",
    },
    buttons: {
      ack: "acknowledge()",
      nack: "session.recover()",
      reject: w("Reject (to DLQ)", "Rejeitar (DLQ)"),
      confirm: w("Send receipt", "Recibo do envio"),
      route: w("Route", "Rotear"),
      persist: w("Persist (KahaDB)", "Persistir (KahaDB)"),
    },
  },
  nats: {
    terms: {
      broker: "NATS JetStream",
      queue: w("work-queue stream", "stream de fila de trabalho"),
      topic: "subject",
      subscription: "consumer",
      exchange: "subject",
      binding: "filter subject",
      ack: "+ACK",
      nack: "-NAK",
      reject: "+TERM",
      publishConfirm: "PubAck",
      publishAck: "PubAck",
      persist: w("file storage", "armazenamento em arquivo"),
      prefetch: "MaxAckPending",
      redelivery: "AckWait",
      redelivered: w("delivery count", "contagem de entregas"),
      deadLetter: w("MaxDeliver: kept in the stream", "MaxDeliver: fica no stream"),
      deadLetterPlace: w("MaxDeliver advisory, kept in the stream", "advisory de MaxDeliver, fica no stream"),
      dedupId: "Nats-Msg-Id",
      group: "MaxAckPending=1",
      partition: w("subject partition mapping", "mapeamento de partições de subject"),
    },
    buttons: {
      ack: "+ACK",
      nack: "-NAK",
      reject: "+TERM",
      confirm: "PubAck",
      route: w("Store on subject", "Gravar no subject"),
      persist: w("Store in stream", "Gravar no stream"),
    },
  },
};

/**
 * What each role does, in the broker's words: the phone's role help when a round starts.
 * Every {term} is one of VOCABULARY_TERMS.
 */
export const ROLE_HELP_IN_TERMS: Record<Role, Text> = {
  producer: w(
    "Send your business events to {broker} as they come in, wait for each {publishConfirm}, and retry what timed out.",
    "Envie seus eventos de negócio ao {broker} à medida que chegam, espere cada {publishConfirm} e reenvie o que deu timeout.",
  ),
  broker: w(
    "You are {broker}: route each message that arrives ({exchange} → {binding}), make it safe ({persist}), then confirm it ({publishConfirm}).",
    "Você é o {broker}: roteie cada mensagem que chega ({exchange} → {binding}), deixe-a segura ({persist}) e então confirme ({publishConfirm}).",
  ),
  consumer: w(
    "Process what {broker} delivers to you ({subscription}), then settle it with {ack}; what you never settle comes back ({redelivery}).",
    "Processe o que o {broker} lhe entrega ({subscription}) e depois confirme com {ack}; o que você nunca confirma volta ({redelivery}).",
  ),
};

/** What the buttons the broker renames do, in its words (the phone's role help lists them). */
export const BUTTON_HELP_IN_TERMS: Record<"ack" | "nack" | "reject" | "confirm" | "route" | "persist", Text> = {
  ack: w("Tell {broker} you are done with this message: {ack}.", "Avisa o {broker} que você terminou esta mensagem: {ack}."),
  nack: w("Give the message back for another try: {nack}.", "Devolve a mensagem para outra tentativa: {nack}."),
  reject: w("Refuse the message for good: {reject}; it is parked ({deadLetter}).", "Recusa a mensagem de vez: {reject}; ela fica estacionada ({deadLetter})."),
  confirm: w(
    "Tell the producer you have the message ({publishConfirm}): from now on it is {broker}'s to keep.",
    "Avisa o produtor que a mensagem chegou ({publishConfirm}): daqui em diante guardá-la é com o {broker}.",
  ),
  route: w(
    "Send this message where its {binding} says: {queue}, each {subscription}, or {partition}.",
    "Manda esta mensagem para onde diz o {binding}: {queue}, cada {subscription} ou {partition}.",
  ),
  persist: w("Write it where a crash cannot lose it: {persist}.", "Grava onde uma queda não a perde: {persist}."),
};

/** A term in a language. */
export function termText(term: Term, locale: Locale): string {
  return typeof term === "string" ? term : term[locale];
}

/** A text with its {term} placeholders filled in a profile's words; other placeholders stay for their own values. */
export function fillTerms(text: string, profile: ProfileId, locale: Locale): string {
  const terms = BROKER_VOCABULARY[profile].terms as Record<string, Term>;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(terms, name) ? termText(terms[name], locale) : whole));
}

/** Every term of a profile in a language, as values for a text's placeholders. */
export function termValues(profile: ProfileId, locale: Locale): Record<VocabularyTerm, string> {
  const terms = BROKER_VOCABULARY[profile].terms;
  return Object.fromEntries(VOCABULARY_TERMS.map((k) => [k, termText(terms[k], locale)])) as Record<VocabularyTerm, string>;
}

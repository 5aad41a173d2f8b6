// The nine topics of the instructor's lesson plan (docs/teaching-guide.md walks through them), in
// the class's own vocabulary. Portuguese says "Tema" for a lesson topic: "tópico" is pub/sub.
// Topic 1's round is the sync-vs-async scenario, which plays the plan's items 2.1–2.4, so
// Topic 2 opens on queues and topics (2.5–2.6) and recalls that round.
import type { LessonTopic } from "./plan.js";
import { PREDICTIONS } from "./predictions.js";

const text = (en: string, pt: string) => ({ en, "pt-BR": pt });

const YOUR_ANSWER = text("Your answer…", "Sua resposta…");

export const LESSON: LessonTopic[] = [
  {
    topic: 1,
    scenario: "t1-sync-vs-async",
    title: text("Asynchronous processing", "Processamento assíncrono"),
    prompt: text("What do you understand by “asynchronous”?", "O que vocês entendem por “assíncrono”?"),
    promptNotes: [
      text("Gather what the class already means by asynchronous processing.", "Levantar o que a turma já entende por processamento assíncrono."),
      text("Agree on one shared definition that holds for the whole class.", "Chegar a uma definição compartilhada, que vale para a aula toda."),
      text(
        "We look at async from the angle of messaging and distributed systems.",
        "Vamos olhar o assíncrono pela ótica de mensageria e sistemas distribuídos.",
      ),
    ],
    poll: { question: text("In a few words: what does asynchronous mean?", "Em poucas palavras: o que é assíncrono?"), placeholder: YOUR_ANSWER },
    prediction: PREDICTIONS["t1-sync-vs-async"],
    rounds: ["naive", "fixed"],
    takeaway: text(
      "Going asynchronous removes temporal coupling: with a broker in between, a consumer that is down delays the work instead of refusing it.",
      "Assíncrono desfaz o acoplamento temporal: com um broker no meio, um consumidor fora do ar atrasa o trabalho em vez de recusá-lo.",
    ),
  },
  {
    topic: 2,
    scenario: "t2-queues-topics",
    title: text("Messaging with brokers", "Mensageria com brokers"),
    prompt: text(
      "Who receives a message: a single consumer (a queue) or every subscriber (a topic)?",
      "Quem recebe uma mensagem: um só consumidor (fila) ou cada assinante (tópico)?",
    ),
    promptNotes: [
      text(
        "Recall the last round: with a broker in between, sender and receiver no longer need to be up at the same time.",
        "Lembrar a rodada anterior: com um broker no meio, quem envia e quem recebe não precisam estar no ar ao mesmo tempo.",
      ),
      text("The actors: producer, broker and consumer.", "Os atores: produtor, broker e consumidor."),
      text("Point-to-point (queues) vs publish–subscribe (topics).", "Point-to-point (filas) vs publish-subscribe (tópicos)."),
      text(
        "Each broker has its own take: ActiveMQ, SQS/SNS, Kafka, RabbitMQ (explore it in the RabbitMQ Simulator).",
        "Cada broker tem seu jeito: ActiveMQ, SQS/SNS, Kafka, RabbitMQ (explore no RabbitMQ Simulator).",
      ),
    ],
    prediction: PREDICTIONS["t2-queues-topics"],
    rounds: ["queue", "topic"],
    takeaway: text(
      "A queue hands each message to one of its competing consumers; a topic gives every subscription its own copy.",
      "Uma fila entrega cada mensagem a um só dos consumidores que a disputam; um tópico dá a cada assinatura a sua própria cópia.",
    ),
  },
  {
    topic: 3,
    scenario: "t3-lost-messages",
    title: text("Lost messages (at-most-once)", "Mensagens perdidas (at-most-once)"),
    prompt: text(
      "How do we know a message arrived — and where can it get lost along the way?",
      "Como sabemos que uma mensagem chegou — e onde ela pode se perder no caminho?",
    ),
    promptNotes: [
      text("Confirmation: the HTTP response in the sync model, ACKs in messaging.", "Confirmação: a resposta HTTP no modelo síncrono, os ACKs na mensageria."),
      text(
        "A message can be lost at the producer, in the broker (memory only, crashes, short retention) or at the consumer.",
        "A mensagem pode se perder no produtor, no broker (só em memória, quedas, retenção curta) ou no consumidor.",
      ),
      text("Fire-and-forget gives at-most-once delivery: when is that good enough?", "Fire-and-forget dá at-most-once delivery: quando isso é suficiente?"),
      text(
        "To guarantee delivery: wait for the broker's ACK, ack after processing, add retries.",
        "Para garantir a entrega: esperar o ACK do broker, dar ACK só depois de processar, adicionar retries.",
      ),
    ],
    prediction: PREDICTIONS["t3-lost-messages"],
    rounds: ["naive", "fixed", "ack-before", "short-retention", "unreplicated", "replicated"],
    takeaway: text(
      "Fire-and-forget is at-most-once: nothing is repeated, but anything can be lost; ACKs, retries and a durable broker close the gaps.",
      "Fire-and-forget é at-most-once: nada se repete, mas qualquer coisa pode se perder; ACKs, retries e um broker durável fecham as brechas.",
    ),
  },
  {
    topic: 4,
    scenario: "t4-duplicates",
    title: text("Duplicates (at-least-once)", "Mensagens duplicadas (at-least-once)"),
    prompt: text("We guaranteed delivery with retries. At what cost?", "Garantimos a entrega com retries. Mas a que custo?"),
    promptNotes: [
      text(
        "A producer retry puts a second copy in the queue; a redelivery runs the processing again.",
        "Um retry do produtor põe uma segunda cópia na fila; uma reentrega executa o processamento de novo.",
      ),
      text(
        "That is at-least-once delivery: it appears whenever there are retries, and it is most brokers' default.",
        "Isso é at-least-once delivery: aparece sempre que há retries, e é o padrão da maioria dos brokers.",
      ),
      text(
        "Remedies: de-duplication (producer, broker, consumer) and idempotency — or repair it by hand later.",
        "Remédios: desduplicação (no produtor, no broker, no consumidor) e idempotência — ou consertar depois, na mão.",
      ),
      text("The network is unreliable: every endpoint SHOULD be idempotent.", "A rede não é confiável: todo endpoint DEVERIA ser idempotente."),
    ],
    prediction: PREDICTIONS["t4-duplicates"],
    rounds: ["naive", "fixed", "broker-dedup", "dedup-table", "transactional-inbox"],
    takeaway: text(
      "Retries make delivery at-least-once, so duplicates will come; de-duplication and idempotency make them harmless.",
      "Retries tornam a entrega at-least-once, então duplicadas vão aparecer; desduplicação e idempotência as tornam inofensivas.",
    ),
  },
  {
    topic: 5,
    scenario: "t5-dual-writes",
    title: text("Dual writes and the outbox", "Dual write e outbox"),
    prompt: text(
      "The service must save to its database and publish to the broker. What if it crashes in between?",
      "O serviço precisa gravar no banco e publicar no broker. E se ele cair no meio do caminho?",
    ),
    promptNotes: [
      text(
        "There is no atomic write across the database and the broker: the dual write problem.",
        "Não existe escrita atômica entre o banco e o broker: é o problema do dual write.",
      ),
      text("Do stateless retries fix it?", "Retries stateless resolvem o problema?"),
      text(
        "Transactional outbox: write only to the database, in one ACID transaction; a relay publishes the rows.",
        "Outbox transacional: gravar só no banco, numa transação ACID; um relay publica as linhas.",
      ),
      text(
        "The dual write did not vanish, it moved. Alternatives: CDC, listen-to-yourself, event sourcing, 2PC, sagas.",
        "A escrita dupla não sumiu, só mudou de lugar. Alternativas: CDC, listen-to-yourself, event sourcing, 2PC, sagas.",
      ),
    ],
    prediction: PREDICTIONS["t5-dual-writes"],
    rounds: ["naive", "fixed", "publish-first", "outbox-cdc", "listen-to-yourself"],
    takeaway: text(
      "Writing to two systems is never atomic: the outbox writes once, in the database's transaction, and a relay publishes with stateful retries.",
      "Gravar em dois sistemas nunca é atômico: o outbox grava uma vez só, na transação do banco, e um relay publica com retries stateful.",
    ),
  },
  {
    topic: 6,
    scenario: "t6-competing-consumers",
    title: text("Competing consumers", "Consumidores concorrentes"),
    prompt: text(
      "One consumer cannot keep up. What do we gain — and lose — with several on the same queue?",
      "Um consumidor só não dá conta. O que ganhamos — e perdemos — com vários na mesma fila?",
    ),
    promptNotes: [
      text("Competing consumers: more throughput and availability.", "Consumidores concorrentes (Competing Consumers): mais throughput e disponibilidade."),
      text(
        "The costs: complexity and infrastructure, race conditions and, more subtly, message order.",
        "O custo: complexidade e infraestrutura, race conditions e, de forma sutil, a ordem das mensagens.",
      ),
      text(
        "Against races: locking, constraints, isolation levels, distributed locks, partitioning by key.",
        "Contra race conditions: locking, constraints, isolation level, locks distribuídos, particionamento por chave.",
      ),
      text("Does order matter here? Best-effort ordering or strict ordering?", "A ordem importa aqui? Best-effort ordering ou strict ordering?"),
    ],
    prediction: PREDICTIONS["t6-competing-consumers"],
    rounds: ["naive", "fixed", "single-consumer", "lock", "optimistic"],
    takeaway: text(
      "Competing consumers buy throughput, but concurrent read-modify-writes lose updates: partitioning by key keeps the speed and removes the races.",
      "Consumidores concorrentes dão throughput, mas read-modify-write concorrente perde atualizações: particionar por chave mantém a velocidade sem race conditions.",
    ),
  },
  {
    topic: 7,
    scenario: "t7-ordering",
    title: text("Out-of-order messages", "Mensagens fora de ordem"),
    prompt: text(
      "Does the broker keep the order? Best-effort or strict ordering — and what does strict cost?",
      "O broker garante a ordem? Best-effort ou strict ordering — e quanto custa a ordem estrita?",
    ),
    promptNotes: [
      text(
        "Best-effort ordering breaks under failures, several consumers, retries and network reordering; strict ordering holds even then.",
        "Best-effort ordering quebra com falhas, vários consumidores, retries e reordenação na rede; strict ordering se mantém mesmo assim.",
      ),
      text(
        "Follow your broker: RabbitMQ single active consumer, Kafka partition by key, SQS FIFO message groups.",
        "Siga o seu broker: single active consumer no RabbitMQ, partição por chave no Kafka, message groups no SQS FIFO.",
      ),
      text(
        "The part nobody mentions: a single-threaded producer — and less throughput.",
        "O que ninguém te conta: um producer single-threaded — e menos throughput.",
      ),
      text(
        "Order is end to end: trust the business event order and prefer commutativity.",
        "Ordem é ponta a ponta: confie na ordem do evento de negócio e prefira comutatividade.",
      ),
    ],
    prediction: PREDICTIONS["t7-ordering"],
    rounds: ["naive", "fixed", "single-active-consumer", "kafka-partition", "resequencer", "parallel-producer", "requeue"],
    takeaway: text(
      "Strict per-key order is end to end: a single-threaded producer, one consumer per key at a time, and the business seq as the reference — paid for in throughput.",
      "Ordem estrita por chave é ponta a ponta: producer single-threaded, um consumidor por chave de cada vez e a seq do negócio como referência — paga com throughput.",
    ),
  },
  {
    topic: 8,
    scenario: "t8-exactly-once",
    title: text("Exactly once", "Exactly-once"),
    prompt: text(
      "When we can neither lose nor duplicate a message: is exactly-once delivery possible?",
      "E quando não podemos perder nem duplicar mensagens? Exactly-once delivery é possível?",
    ),
    promptNotes: [
      text("EOD = ALOD + AMOD: nothing lost and nothing duplicated.", "EOD = ALOD + AMOD: nada perdido e nada duplicado."),
      text(
        "Impossible at the transport level; what the business wants is exactly-once processing.",
        "Impossível no nível de transporte; o que o negócio quer é exactly-once processing.",
      ),
      text(
        "Every party cooperates: de-dup at the producer; de-dup, idempotency and ACID transactions at the consumer.",
        "Todas as partes colaboram: desduplicação no produtor; desduplicação, idempotência e transações ACID no consumidor.",
      ),
      text(
        "Lean on your broker (Kafka transactions, SQS FIFO de-dup) and know its limits — or maybe a database is what you need.",
        "Apoie-se no broker (Kafka transactions, de-dup do SQS FIFO) e conheça seus limites — ou talvez um banco de dados resolva.",
      ),
    ],
    // A recap before the last fixes: the cloud gathers what the class learned in Topics 3 to 7.
    poll: {
      question: text("How would you make each order be processed exactly once?", "Como você faria cada pedido ser processado exatamente uma vez?"),
      placeholder: YOUR_ANSWER,
    },
    prediction: PREDICTIONS["t8-exactly-once"],
    rounds: ["naive", "fixed", "kafka-transactions", "shared-db"],
    takeaway: text(
      "Exactly-once delivery does not exist; exactly-once processing does: at-least-once plus de-duplication and idempotency at every end.",
      "Exactly-once delivery não existe; exactly-once processing, sim: at-least-once com desduplicação e idempotência em todas as pontas.",
    ),
  },
  {
    topic: 9,
    scenario: "t9-end-to-end",
    title: text("End to end", "Ponta a ponta"),
    prompt: text("When everything fails at once, who should have handled each error?", "Quando tudo falha ao mesmo tempo, quem deveria ter tratado cada erro?"),
    promptNotes: [
      text("Error handling: every failure has an end that could have caught it.", "Error handling: toda falha tem uma ponta que poderia tê-la tratado."),
      text("Cooperation: no single party can guarantee delivery on its own.", "Cooperação: nenhuma parte garante a entrega sozinha."),
      text(
        "The end-to-end principle: guarantees are checked at the ends, not only along the way.",
        "End-to-end principle: as garantias se verificam nas pontas, não só no meio do caminho.",
      ),
    ],
    prediction: PREDICTIONS["t9-end-to-end"],
    // The chaos with everyone's defaults, then the design round: each end chooses its own
    // settings and every team faces the same chaos (docs/teaching-guide.md, Topic 9).
    rounds: ["chaos", "design"],
    takeaway: text(
      "Guarantees are built end to end: every party does its part, and the ends check the result.",
      "Garantias se constroem de ponta a ponta: cada parte faz a sua, e as pontas conferem o resultado.",
    ),
  },
];

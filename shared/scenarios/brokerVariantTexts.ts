// The texts of the variants that rest on a mechanism of the brokers themselves (docs/contracts.md#scenario-ids:
// a lost disk and a quorum of replicas; single active consumer and a nack's requeue), in
// English and Brazilian Portuguese, shaped as fixTexts.ts: label (≤ 22 characters: a button),
// one-line summary, what the class should notice, and the debrief's verdict with the round's
// counts in braces. Pure data; texts.ts merges them into each scenario's variants.
import type { Text, VariantText } from "./texts.js";

const text = (en: string, pt: string): Text => ({ en, "pt-BR": pt });

function v(label: [string, string], summary: [string, string], notice: [string, string], bought: [string, string], leftOpen: [string, string]): VariantText {
  return { label: text(...label), summary: text(...summary), notice: text(...notice), verdict: { bought: text(...bought), leftOpen: text(...leftOpen) } };
}

/** A variant to explore rather than a fix: label, summary and what to notice, no verdict. */
function explore(label: [string, string], summary: [string, string], notice: [string, string]): VariantText {
  return { label: text(...label), summary: text(...summary), notice: text(...notice) };
}

export const BROKER_VARIANT_TEXTS: Record<string, Record<string, VariantText>> = {
  "t2-queues-topics": {
    "exchange-direct": explore(
      ["Direct exchange", "Exchange direct"],
      [
        "RabbitMQ: the broker routes each event by its routing key (br or pt) to the queues bound with that same key: br to billing and loyalty, pt to shipping.",
        "RabbitMQ: o broker roteia cada evento pela routing key (br ou pt) para as filas ligadas com essa mesma chave: br para billing e loyalty, pt para shipping.",
      ],
      [
        "One routing key can match several bindings: a br event belongs in two queues. A queue it never reaches loses it; a queue it should not reach ends with a wrong balance.",
        "Uma routing key pode casar com vários bindings: um evento br pertence a duas filas. A fila que ele não alcança o perde; a fila que não devia recebê-lo termina com saldo errado.",
      ],
    ),
    "exchange-fanout": explore(
      ["Fanout exchange", "Exchange fanout"],
      [
        "RabbitMQ: a fanout exchange ignores the routing key and copies every event to every bound queue: billing, shipping and loyalty.",
        "RabbitMQ: uma exchange fanout ignora a routing key e copia cada evento para todas as filas ligadas: billing, shipping e loyalty.",
      ],
      [
        "A fanout exchange is a topic in the lesson's sense: each event is applied three times, once per queue.",
        "Uma exchange fanout é um tópico no sentido da aula: cada evento é aplicado três vezes, uma por fila.",
      ],
    ),
    "exchange-topic": explore(
      ["Topic exchange", "Exchange topic"],
      [
        "RabbitMQ: routing keys are region.customer (br.ana); bindings are patterns: billing br.*, shipping # (everything), loyalty *.ana.",
        "RabbitMQ: as routing keys são região.cliente (br.ana); os bindings são padrões: billing br.*, shipping # (tudo), loyalty *.ana.",
      ],
      [
        "In a binding, * matches exactly one word and # any number of words: br.ana goes to all three queues, pt.davi to shipping only.",
        "Num binding, * casa com exatamente uma palavra e # com qualquer número de palavras: br.ana vai para as três filas, pt.davi só para shipping.",
      ],
    ),
  },
  "t3-lost-messages": {
    unreplicated: v(
      ["Durable, one disk", "Durável, um só disco"],
      [
        "The fixed pipeline on one durable broker; at 0:42 its disk is lost, and every message it held goes with it.",
        "O pipeline corrigido em um único broker durável; em 0:42 o disco dele se perde, e todas as mensagens que ele guardava vão junto.",
      ],
      [
        "Durable is not the same as safe: one disk is one copy. It survives crashes and restarts, not the loss of the disk itself.",
        "Durável não é o mesmo que seguro: um disco é uma cópia só. Sobrevive a quedas e restarts, não à perda do próprio disco.",
      ],
      ["nothing lost to consumer crashes or to the network", "nada perdido por quedas de consumidor ou pela rede"],
      [
        "{lost} effects lost with the disk — confirmed messages too: one disk is one copy",
        "{lost} efeitos perdidos com o disco — mensagens confirmadas também: um disco é uma cópia só",
      ],
    ),
    replicated: v(
      ["Quorum of 3 replicas", "Quórum de 3 réplicas"],
      [
        "The same round on a queue kept on 3 nodes (a RabbitMQ quorum queue): the confirm waits until 2 of the 3 disks have the message.",
        "A mesma rodada com a fila guardada em 3 nós (uma quorum queue do RabbitMQ): a confirmação espera até 2 dos 3 discos terem a mensagem.",
      ],
      [
        "The same disk is lost and no confirmed message goes with it: the other two replicas still hold every one.",
        "O mesmo disco se perde e nenhuma mensagem confirmada vai junto: as outras duas réplicas ainda guardam todas.",
      ],
      ["no message lost with the disk", "nenhuma mensagem perdida com o disco"],
      [
        "slower confirms (two disks per write), and a second disk lost before the first is rebuilt still loses data",
        "confirmações mais lentas (dois discos por escrita), e perder um segundo disco antes de o primeiro ser reconstruído ainda perde dados",
      ],
    ),
  },
  "t7-ordering": {
    "single-active-consumer": v(
      ["Single active consumer", "Consumidor ativo único"],
      [
        "Only one consumer receives at a time, over one ordered connection; if it crashes, the next one takes over. Single-threaded producer.",
        "Só um consumidor recebe por vez, por uma conexão ordenada; se ele cair, o próximo assume. Produtor single-thread.",
      ],
      [
        "Each key stays in order, even through a failover: the second consumer waits, idle, until the first is gone.",
        "Cada chave fica em ordem, mesmo num failover: o segundo consumidor espera, parado, até o primeiro sair.",
      ],
      ["per-key order kept, even through a failover", "ordem por chave mantida, mesmo num failover"],
      [
        "one consumer's throughput, and {duplicated} duplicates from retries and failovers — RabbitMQ queues do not de-duplicate",
        "a vazão de um consumidor só, e {duplicated} duplicatas de retries e failovers — filas do RabbitMQ não desduplicam",
      ],
    ),
    requeue: v(
      ["Nack with requeue", "NACK com requeue"],
      [
        "The same single consumer on a quorum queue; when its database fails it nacks with requeue=true, and the message goes to the back of the queue.",
        "O mesmo consumidor único em uma quorum queue; quando o banco falha, ele dá NACK com requeue=true e a mensagem vai para o fim da fila.",
      ],
      [
        "Beware requeue=true: later events of the key overtake the nacked one (a classic queue would put it back at the head and spin on it). Retrying in place keeps the order; after 3 deliveries it goes to the dead-letter queue.",
        "Cuidado com requeue=true: os eventos seguintes da chave passam na frente do que levou NACK (uma fila clássica o devolveria ao início e ficaria girando nele). Tentar de novo no lugar mantém a ordem; depois de 3 entregas ele vai para a dead-letter queue.",
      ],
      ["a failed processing is tried again, not lost", "um processamento que falhou é tentado de novo, não perdido"],
      [
        "{misordered} out of order — a nacked message goes behind the later ones — and {parked} parked in the dead-letter queue",
        "{misordered} fora de ordem — a mensagem que levou NACK vai para trás das seguintes — e {parked} estacionadas na dead-letter queue",
      ],
    ),
  },
};

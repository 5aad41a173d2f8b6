// The design round's words (docs/design-round.md), in English and Brazilian Portuguese: a
// title per end, a label per setting, and per value a label and its cost in one line. Product
// terms (outbox, broker, ack, dead-letter queue…) stay untranslated. The ticks quoted here are
// the engine's (apply.ts); 10 ticks are one second of play.
import { REPLICATION_TICKS } from "../engine/broker.js";
import { DESIGN_COSTS as C } from "./apply.js";
import type { DesignEnd, DesignSetting } from "./settings.js";

/** What a replicated write adds to each confirm, in all. */
const REPLICATED = C.persistTicks + C.replicationExtraTicks + REPLICATION_TICKS;
/** Ack after processing: the ack's way to the broker and the next delivery's way back. */
const ACK_IDLE = 2 * C.linkLatencyTicks;

export interface DesignValueText {
  label: string;
  /** What the value costs, in one line. */
  cost: string;
}

export interface DesignTexts {
  ends: Record<DesignEnd, string>;
  settings: Record<DesignSetting, { label: string; values: Record<string, DesignValueText> }>;
}

const EN: DesignTexts = {
  ends: { producer: "Producer", broker: "Broker", consumer: "Consumer" },
  settings: {
    publish: {
      label: "Publish",
      values: {
        fireAndForget: { label: "Fire and forget", cost: "free: no confirm, a lost publish stays lost" },
        waitConfirm: { label: "Wait for confirm", cost: "one publish at a time, each waits its confirm; never resends" },
        confirmRetry: { label: "Confirm + retry", cost: `sends again after ${C.ackTimeoutTicks} ticks without confirm: more traffic, duplicates` },
        confirmRetryDedupId: { label: "Retry + de-dup id", cost: `as retry, +${C.dedupIdTicks} tick per publish to carry the id` },
      },
    },
    write: {
      label: "Write",
      values: {
        dbThenPublish: { label: "DB, then publish", cost: "free: a crash between the two leaves them disagreeing" },
        outbox: { label: "Outbox + relay", cost: "the relay sends rows in order, one at a time, each waiting for its confirm" },
      },
    },
    storage: {
      label: "Storage",
      values: {
        memory: { label: "In memory", cost: "confirms at once; a broker crash loses everything it holds" },
        durable: { label: "Durable (disk)", cost: `+${C.persistTicks} ticks per confirm (disk write); a lost disk loses the queue` },
        replicated: { label: "Replicated ×3", cost: `+${REPLICATED} ticks per confirm: a majority of 3 nodes writes it` },
      },
    },
    dedup: {
      label: "De-dup window",
      values: {
        off: { label: "Off", cost: "free: a resent publish is stored twice" },
        on: { label: "On", cost: `+${C.dedupLookupTicks} tick per confirm (id look-up); works only with de-dup ids` },
      },
    },
    deadLetter: {
      label: "Dead-letter queue",
      values: {
        off: { label: "Off", cost: "free: a failing message comes back for ever" },
        on: { label: `After ${C.maxDeliveries} deliveries`, cost: `a message delivered ${C.maxDeliveries} times without ack is parked: not applied` },
      },
    },
    routing: {
      label: "Routing",
      values: {
        queue: { label: "One queue", cost: "any consumer takes any key: full parallelism, no order per key" },
        partitionByKey: { label: "Partition by key", cost: `${C.partitions} partitions, one consumer each: a slow owner stalls its keys` },
        messageGroups: { label: "Message groups", cost: "one message per key in flight: a key waits for its previous ack" },
      },
    },
    ack: {
      label: "Ack",
      values: {
        onReceipt: { label: "On receipt (auto)", cost: "free: a crash while processing loses the message" },
        beforeProcessing: { label: "Before processing", cost: "the next message arrives during the work; a crash loses it" },
        afterProcessing: { label: "After processing", cost: `holds the prefetch until the ack lands: ~${ACK_IDLE} ticks idle per message` },
      },
    },
    idempotency: {
      label: "Idempotency",
      values: {
        none: { label: "None", cost: "free: every redelivery applies again" },
        separate: {
          label: "Processed-ids table",
          cost: `+${C.separateCheckTicks} tick look-up, +${C.separateRecordTicks} to record the id apart; a crash between duplicates`,
        },
        transactional: { label: "In the transaction", cost: `+${C.transactionalTicks} ticks per processing (look-up and insert in the transaction)` },
      },
    },
    keyLock: {
      label: "Per-key lock",
      values: {
        off: { label: "Off", cost: "free: two consumers may update one key at once (race)" },
        on: { label: "On", cost: `+${C.lockTicks} tick per processing, one key at a time; a crashed holder keeps it ${C.lockLeaseTicks / 10} s` },
      },
    },
  },
};

const PT: DesignTexts = {
  ends: { producer: "Produtor", broker: "Broker", consumer: "Consumidor" },
  settings: {
    publish: {
      label: "Publicação",
      values: {
        fireAndForget: { label: "Fire and forget", cost: "grátis: sem confirm, publicação perdida fica perdida" },
        waitConfirm: { label: "Esperar confirm", cost: "uma publicação por vez, cada uma espera seu confirm; nunca reenvia" },
        confirmRetry: { label: "Confirm + retry", cost: `reenvia após ${C.ackTimeoutTicks} ticks sem confirm: mais tráfego, duplicatas` },
        confirmRetryDedupId: { label: "Retry + id de dedup", cost: `como o retry, +${C.dedupIdTicks} tick por publicação para levar o id` },
      },
    },
    write: {
      label: "Escrita",
      values: {
        dbThenPublish: { label: "Banco, depois publica", cost: "grátis: uma queda entre os dois deixa banco e broker discordando" },
        outbox: { label: "Outbox + relay", cost: "o relay envia as linhas em ordem, uma por vez, cada uma esperando seu confirm" },
      },
    },
    storage: {
      label: "Armazenamento",
      values: {
        memory: { label: "Em memória", cost: "confirma na hora; uma queda do broker perde tudo o que ele guarda" },
        durable: { label: "Durável (disco)", cost: `+${C.persistTicks} ticks por confirm (escrita em disco); perder o disco perde a fila` },
        replicated: { label: "Replicado ×3", cost: `+${REPLICATED} ticks por confirm: a maioria de 3 nós grava` },
      },
    },
    dedup: {
      label: "Janela de dedup",
      values: {
        off: { label: "Desligada", cost: "grátis: uma publicação reenviada é guardada duas vezes" },
        on: { label: "Ligada", cost: `+${C.dedupLookupTicks} tick por confirm (consulta do id); só funciona com ids de dedup` },
      },
    },
    deadLetter: {
      label: "Dead-letter queue",
      values: {
        off: { label: "Desligada", cost: "grátis: uma mensagem que falha volta para sempre" },
        on: { label: `Após ${C.maxDeliveries} entregas`, cost: `mensagem entregue ${C.maxDeliveries} vezes sem ACK é estacionada: não aplicada` },
      },
    },
    routing: {
      label: "Roteamento",
      values: {
        queue: { label: "Uma fila", cost: "qualquer consumidor pega qualquer chave: paralelismo total, sem ordem por chave" },
        partitionByKey: { label: "Partição por chave", cost: `${C.partitions} partições, um consumidor cada: um dono lento trava suas chaves` },
        messageGroups: { label: "Message groups", cost: "uma mensagem por chave em voo: a chave espera o ACK anterior" },
      },
    },
    ack: {
      label: "ACK",
      values: {
        onReceipt: { label: "Ao receber (auto)", cost: "grátis: uma queda durante o processamento perde a mensagem" },
        beforeProcessing: { label: "Antes de processar", cost: "a próxima chega durante o trabalho; uma queda perde a mensagem" },
        afterProcessing: { label: "Depois de processar", cost: `segura o prefetch até o ACK chegar: ~${ACK_IDLE} ticks parado por mensagem` },
      },
    },
    idempotency: {
      label: "Idempotência",
      values: {
        none: { label: "Nenhuma", cost: "grátis: cada reentrega aplica de novo" },
        separate: {
          label: "Tabela de ids à parte",
          cost: `+${C.separateCheckTicks} tick de consulta, +${C.separateRecordTicks} para gravar o id à parte; uma queda entre eles duplica`,
        },
        transactional: { label: "Na mesma transação", cost: `+${C.transactionalTicks} ticks por processamento (consulta e insert na transação)` },
      },
    },
    keyLock: {
      label: "Lock por chave",
      values: {
        off: { label: "Desligado", cost: "grátis: dois consumidores podem atualizar a mesma chave (race)" },
        on: { label: "Ligado", cost: `+${C.lockTicks} tick por processamento, uma chave por vez; quem cai segura o lock ${C.lockLeaseTicks / 10} s` },
      },
    },
  },
};

/** Keyed `en` and `pt` (and `pt-BR`, the client's locale name, the same texts). */
export const DESIGN_TEXTS: { en: DesignTexts; pt: DesignTexts; "pt-BR": DesignTexts } = { en: EN, pt: PT, "pt-BR": PT };

/** The texts for a locale name (`en`, `pt`, `pt-BR`; anything else: English). */
export function designTexts(locale: string): DesignTexts {
  return locale === "pt" || locale === "pt-BR" ? PT : EN;
}

// The design round's words (docs/design-round.md), in English and Brazilian Portuguese: a
// title per end, a label per setting, and per value a label and its cost in one line. Product
// terms (outbox, broker, ack, dead-letter queue…) stay untranslated. The ticks quoted here are
// the engine's (apply.ts); 10 ticks are one second of play.
import type { DesignEnd, DesignSetting } from "./settings.js";

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
        confirmRetry: { label: "Confirm + retry", cost: "a resend after 20 ticks without confirm: extra traffic, duplicates" },
        confirmRetryDedupId: { label: "Retry + de-dup id", cost: "as retry, and the id makes every publish 1 tick slower" },
      },
    },
    write: {
      label: "Write",
      values: {
        dbThenPublish: { label: "DB, then publish", cost: "free: a crash between the two leaves them disagreeing" },
        outbox: { label: "Outbox + relay", cost: "the relay polls every 5 ticks: up to +5 ticks per event" },
      },
    },
    storage: {
      label: "Storage",
      values: {
        memory: { label: "In memory", cost: "confirms at once; a broker crash loses everything it holds" },
        durable: { label: "Durable (disk)", cost: "+3 ticks per confirm (disk write); a lost disk loses it all" },
        replicated: { label: "Replicated ×3", cost: "+3 ticks per confirm and +4 for the majority of replicas" },
      },
    },
    dedup: {
      label: "De-dup window",
      values: {
        off: { label: "Off", cost: "free: a resent publish is stored twice" },
        on: { label: "On", cost: "+1 tick per confirm (id look-up); works only with de-dup ids" },
      },
    },
    deadLetter: {
      label: "Dead-letter queue",
      values: {
        off: { label: "Off", cost: "free: a failing message comes back for ever" },
        on: { label: "After 4 deliveries", cost: "a message failing 4 times is parked: not applied, someone must look" },
      },
    },
    routing: {
      label: "Routing",
      values: {
        queue: { label: "One queue", cost: "every consumer takes any key: full parallelism, no order per key" },
        partitionByKey: { label: "Partition by key", cost: "one consumer per partition: a busy or crashed owner stalls its keys" },
        messageGroups: { label: "Message groups", cost: "one message per key in flight: a key waits for its previous ack" },
      },
    },
    ack: {
      label: "Ack",
      values: {
        onReceipt: { label: "On receipt (auto)", cost: "fast: a crash while processing loses the message" },
        beforeProcessing: { label: "Before processing", cost: "fastest: the next message comes during the work; a crash loses it" },
        afterProcessing: { label: "After processing", cost: "holds the prefetch until the ack lands: +6 ticks idle per message" },
      },
    },
    idempotency: {
      label: "Idempotency",
      values: {
        none: { label: "None", cost: "free: every redelivery applies again" },
        separate: { label: "Processed-ids table", cost: "+1 tick look-up, +2 ticks to record the id apart; a crash between duplicates" },
        transactional: { label: "In the transaction", cost: "+4 ticks per processing (look-up and insert inside the transaction)" },
      },
    },
    keyLock: {
      label: "Per-key lock",
      values: {
        off: { label: "Off", cost: "free: two consumers may update one key at once (race)" },
        on: { label: "On", cost: "a key is processed one at a time; a crashed holder keeps it 8 s" },
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
        confirmRetry: { label: "Confirm + retry", cost: "reenvia após 20 ticks sem confirm: mais tráfego, duplicatas" },
        confirmRetryDedupId: { label: "Retry + id de dedup", cost: "como o retry, e o id deixa cada publicação 1 tick mais lenta" },
      },
    },
    write: {
      label: "Escrita",
      values: {
        dbThenPublish: { label: "Banco, depois publica", cost: "grátis: uma queda entre os dois deixa banco e broker discordando" },
        outbox: { label: "Outbox + relay", cost: "o relay consulta a cada 5 ticks: até +5 ticks por evento" },
      },
    },
    storage: {
      label: "Armazenamento",
      values: {
        memory: { label: "Em memória", cost: "confirma na hora; uma queda do broker perde tudo o que ele guarda" },
        durable: { label: "Durável (disco)", cost: "+3 ticks por confirm (escrita em disco); perder o disco perde tudo" },
        replicated: { label: "Replicado ×3", cost: "+3 ticks por confirm e +4 pela maioria das réplicas" },
      },
    },
    dedup: {
      label: "Janela de dedup",
      values: {
        off: { label: "Desligada", cost: "grátis: uma publicação reenviada é guardada duas vezes" },
        on: { label: "Ligada", cost: "+1 tick por confirm (consulta do id); só funciona com ids de dedup" },
      },
    },
    deadLetter: {
      label: "Dead-letter queue",
      values: {
        off: { label: "Desligada", cost: "grátis: uma mensagem que falha volta para sempre" },
        on: { label: "Após 4 entregas", cost: "mensagem que falha 4 vezes é estacionada: não aplicada, alguém precisa olhar" },
      },
    },
    routing: {
      label: "Roteamento",
      values: {
        queue: { label: "Uma fila", cost: "qualquer consumidor pega qualquer chave: paralelismo total, sem ordem por chave" },
        partitionByKey: { label: "Partição por chave", cost: "um consumidor por partição: dono ocupado ou caído trava suas chaves" },
        messageGroups: { label: "Message groups", cost: "uma mensagem por chave em voo: a chave espera o ACK anterior" },
      },
    },
    ack: {
      label: "ACK",
      values: {
        onReceipt: { label: "Ao receber (auto)", cost: "rápido: uma queda durante o processamento perde a mensagem" },
        beforeProcessing: { label: "Antes de processar", cost: "o mais rápido: a próxima chega durante o trabalho; uma queda perde" },
        afterProcessing: { label: "Depois de processar", cost: "segura o prefetch até o ACK chegar: +6 ticks parado por mensagem" },
      },
    },
    idempotency: {
      label: "Idempotência",
      values: {
        none: { label: "Nenhuma", cost: "grátis: cada reentrega aplica de novo" },
        separate: { label: "Tabela de ids à parte", cost: "+1 tick de consulta, +2 para gravar o id à parte; uma queda entre eles duplica" },
        transactional: { label: "Na mesma transação", cost: "+4 ticks por processamento (consulta e insert dentro da transação)" },
      },
    },
    keyLock: {
      label: "Lock por chave",
      values: {
        off: { label: "Desligado", cost: "grátis: dois consumidores podem atualizar a mesma chave (race)" },
        on: { label: "Ligado", cost: "uma chave por vez; um dono que cai segura o lock por 8 s" },
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

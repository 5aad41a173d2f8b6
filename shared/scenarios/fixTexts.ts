// The texts of the variants that play each fix the lesson names (docs/contracts.md#scenario-ids), in English
// and Brazilian Portuguese: label (≤ 22 characters: a button), one-line summary, what the
// class should notice, and the debrief's verdict — what the fix bought and what it left
// open, with the round's counts in braces ({duplicated}, filled by verdictSentence). Pure
// data; texts.ts merges them into each scenario's variants. Ids are contracts.
import type { Text, VariantText } from "./texts.js";

const text = (en: string, pt: string): Text => ({ en, "pt-BR": pt });

function v(label: [string, string], summary: [string, string], notice: [string, string], bought: [string, string], leftOpen: [string, string]): VariantText {
  return { label: text(...label), summary: text(...summary), notice: text(...notice), verdict: { bought: text(...bought), leftOpen: text(...leftOpen) } };
}

export const FIX_VARIANT_TEXTS: Record<string, Record<string, VariantText>> = {
  "t3-lost-messages": {
    "ack-before": v(
      ["Ack before processing", "ACK antes de processar"],
      [
        "Durable broker and publisher retries, but the consumer acks each message on receipt, before processing it.",
        "Broker durável e retries do produtor, mas o consumidor dá ACK em cada mensagem ao recebê-la, antes de processar.",
      ],
      [
        "Every loss is a consumer crash: the broker had already forgotten what the consumer acked and had not processed yet.",
        "Toda perda é uma queda do consumidor: o broker já tinha esquecido o que recebeu ACK e ainda não tinha sido processado.",
      ],
      ["the producer and the broker lose nothing", "o produtor e o broker não perdem nada"],
      [
        "{lost} effects lost in consumer crashes — the ACK came before the work was done",
        "{lost} efeitos perdidos em quedas do consumidor — o ACK veio antes de o trabalho terminar",
      ],
    ),
    "short-retention": v(
      ["Short retention", "Retenção curta"],
      [
        "Everything fixed and a durable broker, but messages are deleted 15 s after they arrive, read or not; one consumer goes down, another slows.",
        "Tudo corrigido e broker durável, mas as mensagens são apagadas 15 s depois de chegar, lidas ou não; um consumidor cai, outro fica lento.",
      ],
      [
        "The losses pile up while C1 is down and C2 is slow: durability does not help once retention deletes what nobody read.",
        "As perdas se acumulam enquanto C1 está fora do ar e C2 está lento: durabilidade não ajuda quando a retenção apaga o que ninguém leu.",
      ],
      ["nothing lost to crashes or to the network", "nada perdido por quedas ou pela rede"],
      [
        "{lost} effects deleted by retention before a slow or down consumer read them",
        "{lost} efeitos apagados pela retenção antes de um consumidor lento ou fora do ar lê-los",
      ],
    ),
  },
  "t4-duplicates": {
    "broker-dedup": v(
      ["Broker de-dup only", "Só desdup. no broker"],
      [
        "The producer tags each publish with its id and the broker drops repeats within a window; the consumer is not idempotent.",
        "O produtor marca cada publicação com seu id e o broker descarta repetidas numa janela; o consumidor não é idempotente.",
      ],
      [
        "Producer retries no longer duplicate; every duplicate left is a redelivery to a consumer (a lost ACK, a crash).",
        "Os retries do produtor não duplicam mais; toda duplicada que sobra é uma reentrega ao consumidor (um ACK perdido, uma queda).",
      ],
      ["no loss, and no duplicate from producer retries", "sem perdas, e nenhuma duplicada vinda de retries do produtor"],
      [
        "{duplicated} duplicates — the broker's de-dup does not cover redeliveries to the consumer",
        "{duplicated} duplicatas — a deduplicação do broker não cobre reentregas ao consumidor",
      ],
    ),
    "dedup-table": v(
      ["Processed-ids table", "Tabela de processados"],
      [
        "The consumer looks each id up in a processed-ids table, which it writes after the effect, in a separate step.",
        "O consumidor procura cada id numa tabela de processados, que ele grava depois do efeito, em outro passo.",
      ],
      [
        "Most repeats are caught; the ones that slip through follow a consumer crash between the effect and its id.",
        "A maioria das repetidas é barrada; as que passam vêm de uma queda do consumidor entre o efeito e o registro do id.",
      ],
      ["no loss; retries and redeliveries found in the table", "sem perdas; retries e reentregas encontrados na tabela"],
      [
        "{duplicated} duplicates — a crash between the effect and its id forgets that it happened",
        "{duplicated} duplicatas — uma queda entre o efeito e o id faz esquecer que ele aconteceu",
      ],
    ),
    "transactional-inbox": v(
      ["Transactional inbox", "Inbox transacional"],
      [
        "The processed id is inserted in the same transaction as the effect: a repeat fails the unique insert and rolls back.",
        "O id processado é inserido na mesma transação do efeito: uma repetida viola a chave única e a transação é desfeita.",
      ],
      [
        "Retries and redeliveries still arrive, but none is applied twice — with no de-dup anywhere else.",
        "Retries e reentregas continuam chegando, mas nenhuma é aplicada duas vezes — sem desduplicação em nenhum outro lugar.",
      ],
      ["no loss and no duplicated effect", "sem perdas e sem efeito duplicado"],
      ["repeats still travel, each costing a delivery and a rollback", "as repetidas ainda viajam, cada uma custando uma entrega e um rollback"],
    ),
  },
  "t5-dual-writes": {
    "publish-first": v(
      ["Publish, then DB", "Publica, depois banco"],
      [
        "The service publishes first and writes its DB after, as two steps; a crash can land in between.",
        "O serviço publica primeiro e grava no banco depois, em dois passos; uma queda pode acontecer no meio.",
      ],
      [
        "The inconsistency flips: consumers apply events that the service's own DB never recorded.",
        "A inconsistência se inverte: os consumidores aplicam eventos que o banco do próprio serviço nunca registrou.",
      ],
      ["nothing saved is left unpublished", "nada do que foi salvo fica sem publicar"],
      [
        "{inconsistent} events published but never saved — the other side of the dual write",
        "{inconsistent} eventos publicados e nunca salvos — o outro lado da escrita dupla",
      ],
    ),
    "outbox-cdc": v(
      ["Outbox + CDC", "Outbox + CDC"],
      [
        "Business change and outbox row in one transaction; a connector tails the DB's commit log and publishes the rows in commit order, each once the previous is confirmed.",
        "Mudança de negócio e linha do outbox numa transação; um conector lê o log de commits do banco e publica as linhas na ordem dos commits, cada uma após a confirmação da anterior.",
      ],
      [
        "No row waits for a poll, and the rows reach the broker in commit order even when a publish is lost; but one at a time: compare the latency with polling's.",
        "Nenhuma linha espera um polling, e as linhas chegam ao broker na ordem dos commits mesmo quando uma publicação se perde; mas uma por vez: compare a latência com a do polling.",
      ],
      ["no inconsistency, no loss, no duplicated effect, commit order kept", "sem inconsistência, sem perdas, sem efeito duplicado, ordem dos commits mantida"],
      [
        "one row in flight at a time: a burst waits its turn, and consumers still de-dup",
        "uma linha em voo por vez: uma rajada espera a sua vez, e o consumidor ainda desduplica",
      ],
    ),
    "listen-to-yourself": v(
      ["Listen to yourself", "Ouvir a si mesmo"],
      [
        "The service only publishes; it writes its own DB when it consumes its own event from the topic (subscription self).",
        "O serviço só publica; ele grava no próprio banco quando consome o próprio evento do tópico (assinatura self).",
      ],
      [
        "One write only: the service's DB follows what the broker delivers to it, a little behind its publish, so they do not drift apart.",
        "Uma escrita só: o banco do serviço segue o que o broker entrega a ele, um pouco atrás da publicação, e os dois não divergem.",
      ],
      ["no inconsistency: the DB is written from the published event", "sem inconsistência: o banco é gravado a partir do evento publicado"],
      [
        "{lost} effects lost where the producer crashed before the broker confirmed — lost everywhere alike; and the service reads its own writes late",
        "{lost} efeitos perdidos quando o produtor caiu antes da confirmação do broker — perdidos em todo lugar igualmente; e o serviço lê as próprias escritas com atraso",
      ],
    ),
  },
  "t6-competing-consumers": {
    "single-consumer": v(
      ["One consumer", "Um só consumidor"],
      [
        "The same work on a single consumer: no competition, a third of the capacity.",
        "O mesmo trabalho com um só consumidor: sem concorrência, um terço da capacidade.",
      ],
      [
        "No race and no misordering, but the queue grows: compare its throughput with three competing consumers'.",
        "Sem race condition e sem desordem, mas a fila cresce: compare o throughput com o de três consumidores concorrentes.",
      ],
      ["no lost update, order kept", "nenhuma atualização perdida, ordem mantida"],
      ["a third of the throughput: the backlog drains long after the round", "um terço do throughput: o acúmulo só escoa muito depois da rodada"],
    ),
    lock: v(
      ["Lock with a lease", "Lock com lease"],
      [
        "Three competing consumers; each locks the key for its read-modify-write; a crashed holder's lock stays until its 8-second lease ends.",
        "Três consumidores concorrentes; cada um trava a chave no read-modify-write; o lock de quem caiu fica até o lease de 8 s acabar.",
      ],
      [
        "Lost updates are gone; watch a key stay blocked after a crash until the lease expires, and the order still broken.",
        "As atualizações perdidas somem; repare numa chave bloqueada depois de uma queda até o lease expirar, e na ordem ainda quebrada.",
      ],
      ["no lost update", "nenhuma atualização perdida"],
      [
        "{misordered} out of order, and a crashed holder blocks its key until the lease ends",
        "{misordered} fora de ordem, e quem cai com o lock bloqueia a chave até o lease acabar",
      ],
    ),
    optimistic: v(
      ["Optimistic (CAS)", "Otimista (CAS)"],
      [
        "Three competing consumers; a write succeeds only if the key's version is still the one read, otherwise it reads again and redoes the work.",
        "Três consumidores concorrentes; a escrita só vale se a versão da chave ainda for a lida; senão, relê e refaz o trabalho.",
      ],
      [
        "No update is lost, but count the conflicts: each one is work done twice.",
        "Nenhuma atualização se perde, mas conte os conflitos: cada um é trabalho feito duas vezes.",
      ],
      ["no lost update", "nenhuma atualização perdida"],
      [
        "{conflicts} conflicts redone and {misordered} out of order — compare-and-set orders nothing",
        "{conflicts} conflitos refeitos e {misordered} fora de ordem — compare-and-set não ordena nada",
      ],
    ),
  },
  "t7-ordering": {
    "kafka-partition": v(
      ["Kafka partition by key", "Kafka: partição/chave"],
      [
        "Kafka: keys hashed to partitions, one consumer per partition, and an idempotent, single-threaded producer.",
        "Kafka: chaves distribuídas em partições, um consumidor por partição, e um produtor idempotente e single-thread.",
      ],
      [
        "A key's events go through one partition and one consumer, in order, even across crashes and rebalances.",
        "Os eventos de uma chave passam por uma partição e um consumidor, em ordem, mesmo com quedas e rebalanceamentos.",
      ],
      ["strict per-key order", "ordem estrita por chave"],
      [
        "{duplicated} duplicates from re-reads after a crash — order is not idempotency",
        "{duplicated} duplicatas de releituras após uma queda — ordem não é idempotência",
      ],
    ),
    resequencer: v(
      ["Resequencer", "Resequenciador"],
      [
        "The best-effort producer and competing consumers, but each consumer holds early events and applies them in seq order (8 held at most, 6 s each).",
        "O produtor e os consumidores concorrentes do best-effort, mas cada consumidor retém os eventos adiantados e os aplica na ordem da seq (até 8, por 6 s).",
      ],
      [
        "The order is restored at the end of the pipeline: watch the held events wait for the missing one.",
        "A ordem é restaurada no fim do caminho: repare nos eventos retidos esperando o que falta.",
      ],
      ["per-key order restored at the consumer", "ordem por chave restaurada no consumidor"],
      [
        "{misordered} out of order when a gap outlasts the hold or the buffer fills, and {duplicated} duplicates",
        "{misordered} fora de ordem quando uma lacuna dura mais que a retenção ou o buffer enche, e {duplicated} duplicatas",
      ],
    ),
    "parallel-producer": v(
      ["Parallel producer", "Produtor paralelo"],
      [
        "The right broker setup (FIFO groups, de-dup, idempotent consumer), but the producer has up to 8 publishes in flight.",
        "A configuração certa do broker (grupos FIFO, desduplicação, consumidor idempotente), mas o produtor tem até 8 publicações em voo.",
      ],
      [
        "Every misordering starts at the source: a retried or overtaken publish reaches the broker after a later one.",
        "Toda desordem começa na origem: uma publicação reenviada ou ultrapassada chega ao broker depois de uma posterior.",
      ],
      ["no loss, no duplicate, and more than one publish at a time", "sem perdas, sem duplicadas, e mais de uma publicação por vez"],
      [
        "{misordered} out of order — the broker keeps the order it receives, not the one you meant",
        "{misordered} fora de ordem — o broker mantém a ordem que recebe, não a que você queria",
      ],
    ),
  },
  "t8-exactly-once": {
    "kafka-transactions": v(
      ["Kafka transactions", "Transações Kafka"],
      [
        "Consume-transform-produce: the output and the consumer's offset commit in one Kafka transaction; each processing also calls a bank's API.",
        "Consume-transform-produce: a saída e o offset do consumidor são confirmados numa transação Kafka; cada processamento também chama a API de um banco.",
      ],
      [
        "Inside Kafka (orders) nothing is lost or applied twice; the duplicates are all at the bank, outside the transaction.",
        "Dentro do Kafka (orders) nada se perde nem é aplicado duas vezes; as duplicadas estão todas no banco, fora da transação.",
      ],
      ["exactly-once inside the broker: no loss and no duplicate on orders", "exactly-once dentro do broker: sem perdas e sem duplicadas em orders"],
      [
        "{duplicated} duplicated calls to the bank — a side effect outside Kafka still needs idempotency",
        "{duplicated} chamadas duplicadas ao banco — um efeito fora do Kafka ainda precisa de idempotência",
      ],
    ),
    "shared-db": v(
      ["Shared DB as queue", "Banco como fila"],
      [
        "No broker: producers insert rows in one ACID database; consumers claim rows with SKIP LOCKED and delete each in the effect's transaction.",
        "Sem broker: produtores inserem linhas num banco ACID; consumidores pegam linhas com SKIP LOCKED e apagam cada uma na transação do efeito.",
      ],
      [
        "Under the same faults nothing is lost or duplicated: a unique key and one transaction do what the broker could not.",
        "Sob as mesmas falhas nada se perde nem se duplica: uma chave única e uma só transação fazem o que o broker não conseguia.",
      ],
      ["no loss, no duplicate, key order kept", "sem perdas, sem duplicadas, ordem por chave mantida"],
      [
        "every service now shares one database: its load, its outages, its schema",
        "todos os serviços agora dividem um banco: a carga, as quedas e o schema dele",
      ],
    ),
  },
  "t9-end-to-end": {
    cooperative: v(
      ["Cooperative", "Cooperativo"],
      [
        "The same chaos, every end doing its part: an outbox read from the commit log, broker de-dup and FIFO groups, an idempotent consumer that locks its key.",
        "O mesmo caos, cada ponta fazendo a sua parte: outbox lido do log de commits, desduplicação e grupos FIFO no broker, consumidor idempotente que trava a chave.",
      ],
      [
        "Zero anomalies of every kind under every fault: no single end could have done it alone.",
        "Zero anomalias de todo tipo sob todas as falhas: nenhuma ponta conseguiria isso sozinha.",
      ],
      ["zero anomalies of every kind", "zero anomalias de todo tipo"],
      [
        "it costs throughput and latency at every end: one row in flight, one message of a key at a time",
        "custa throughput e latência em cada ponta: uma linha em voo, uma mensagem por chave de cada vez",
      ],
    ),
  },
};

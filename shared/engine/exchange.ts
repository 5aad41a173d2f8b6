// RabbitMQ's exchanges (docs/brokers.md#rabbitmq): a publish carries a routing key, each queue
// is bound to the exchange with a binding key, and the exchange's type says which bindings a
// routing key matches — direct: the same key; fanout: every binding, whatever the key; topic:
// dotted words where `*` stands for exactly one word and `#` for any number, none included.
// A routing key no binding matches is dropped by the exchange (nobody expects it).

export type ExchangeType = "direct" | "fanout" | "topic";

export interface Binding {
  /** The bound queue: one of the variant's subscriptions. */
  queue: string;
  /** The binding key (a pattern on a topic exchange; ignored on a fanout exchange). */
  key: string;
}

export interface ExchangeConfig {
  type: ExchangeType;
  bindings: Binding[];
  /** Each business key's routing key (a customer's region, say); a key not listed is its own routing key. */
  routingKeys: Record<string, string>;
}

/** The routing key the producer puts on a business key's events. */
export function routingKeyOf(exchange: ExchangeConfig, key: string): string {
  return Object.hasOwn(exchange.routingKeys, key) ? exchange.routingKeys[key] : key;
}

/** A topic binding's pattern against a routing key: words split on dots, `*` one word, `#` zero or more. */
export function topicMatches(pattern: string, routingKey: string): boolean {
  const p = pattern.split(".");
  const k = routingKey.split(".");
  const match = (i: number, j: number): boolean => {
    if (i === p.length) return j === k.length;
    if (p[i] === "#") return match(i + 1, j) || (j < k.length && match(i, j + 1));
    return j < k.length && (p[i] === "*" || p[i] === k[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}

/** Whether a binding takes a message with this routing key. */
export function bindingMatches(type: ExchangeType, bindingKey: string, routingKey: string): boolean {
  if (type === "fanout") return true;
  if (type === "direct") return bindingKey === routingKey;
  return topicMatches(bindingKey, routingKey);
}

/** The queues an exchange routes a business key's events to, each once, in the bindings' order. */
export function exchangeRoute(exchange: ExchangeConfig, key: string): string[] {
  const routingKey = routingKeyOf(exchange, key);
  const queues: string[] = [];
  for (const b of exchange.bindings) if (bindingMatches(exchange.type, b.key, routingKey) && !queues.includes(b.queue)) queues.push(b.queue);
  return queues;
}

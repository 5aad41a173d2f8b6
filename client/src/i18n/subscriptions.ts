// The subscriptions' names (shared/engine/team.ts: a queue's "orders", a topic's billing,
// shipping…) in the page's language: they name services a class recognises.
import type { Text } from "../../../shared/scenarios/texts.js";
import { tx } from "./locale.js";

const SUBSCRIPTION_NAMES: Record<string, Text> = {
  orders: { en: "orders", "pt-BR": "pedidos" },
  billing: { en: "billing", "pt-BR": "cobrança" },
  shipping: { en: "shipping", "pt-BR": "entrega" },
  loyalty: { en: "loyalty", "pt-BR": "fidelidade" },
  email: { en: "email", "pt-BR": "e-mail" },
  audit: { en: "audit", "pt-BR": "auditoria" },
  stock: { en: "stock", "pt-BR": "estoque" },
};

/** "billing" → "cobrança"; a numbered extra ("billing-7") keeps its number; an unknown name shows as itself. */
export function subscriptionName(name: string): string {
  const [base, n] = name.split("-");
  const word = tx(SUBSCRIPTION_NAMES[base]) || base;
  return n ? `${word}-${n}` : word;
}

// What each role sees of its seat during a round: the producer its next event and what it
// sent, the broker what arrives and where it can route it, the consumer its inbox. Tapping a
// message selects it (the buttons then act on it). Builders only: the controller owns state.
import { h } from "../dom.js";
import { t, type PhoneKey } from "../i18n/phoneWords.js";
import { QUEUE_NAME, subscriptionName } from "../i18n/roomWords.js";
import { TICK_MS } from "../../../shared/engine/config.js";
import { ticksToSeconds } from "../../../shared/view/seatActions.js";
import type { BrokerSeat, ConsumerSeat, ProducerSeat, SeatView } from "../../../shared/view/seatView.js";

export interface PanelContext {
  /** The message the buttons act on now (highlighted). */
  current: number | null;
  select(token: number): void;
  routeTarget: string;
  setRouteTarget(target: string): void;
}

const chip = (text: string, cls = "") => h("span", { class: `chip ${cls}` }, text);

function producer(v: ProducerSeat): HTMLElement {
  const wait = v.nextInTicks;
  const ready = v.ready;
  const next = v.next
    ? h(
        "div",
        { class: `event-card ${wait ? "later" : ""}` },
        h("strong", {}, v.next.msgId),
        ` · ${v.next.key} #${v.next.seq} · R$ ${v.next.amount}`,
        wait
          ? h("p", { class: "pace", testid: "next-event-in" }, t("nextEventIn", { s: ticksToSeconds(wait) }))
          : ready && ready > 1
            ? h("p", { class: "pace" }, t("readyEvents", { n: ready }))
            : null,
      )
    : h("p", { class: "muted" }, t("noMoreEvents"));
  const half = v.halfDone
    ? h(
        "p",
        { class: "half" },
        t("halfDone", { msgId: v.halfDone.msgId }),
        " ",
        chip(v.halfDone.saved ? `✓ ${t("saved")}` : `… ${t("saved")}`),
        chip(v.halfDone.published ? `✓ ${t("published")}` : `… ${t("published")}`),
      )
    : null;
  const rows = v.sent.map((r) => {
    const icon = r.status === "acknowledged" ? "✓" : r.status === "timedOut" ? "⚠" : r.status === "pending" ? "…" : "→";
    return h(
      "li",
      { class: `sent ${r.status}` },
      h("span", { class: "icon", "aria-hidden": "true" }, icon),
      h("span", { class: "what" }, `${r.msgId} · ${r.key} #${r.seq}`, r.attempts > 1 ? ` (${r.attempts} ${t("attempts")})` : ""),
      h("em", {}, t(`status_${r.status}` as PhoneKey)),
    );
  });
  return h(
    "div",
    {},
    h("h2", {}, t("nextEvent")),
    next,
    half,
    v.outbox > 0 ? h("p", { class: "muted" }, t("outboxRows", { n: v.outbox })) : null,
    rows.length ? h("h2", {}, t("sent")) : null,
    rows.length ? h("ul", { class: "list" }, ...rows) : null,
  );
}

/** A message in a list: tapping it makes it the one the buttons act on. */
function token(ctx: PanelContext, id: number, ...children: (Node | string | null)[]): HTMLElement {
  const current = id === ctx.current;
  return h(
    "li",
    { class: `token ${current ? "selected" : ""}`, role: "button", tabindex: 0, "aria-pressed": String(current), onclick: () => ctx.select(id) },
    ...children,
  );
}

function consumer(v: ConsumerSeat, ctx: PanelContext): HTMLElement {
  const rows = v.inbox.map((i) =>
    token(
      ctx,
      i.token,
      h("strong", {}, i.msgId),
      ` · ${i.key} #${i.seq} · R$ ${i.amount} `,
      i.redelivered ? chip(`↻ ${t("redelivered")}`, "warn") : null,
      i.checked === true ? chip(`⚠ ${t("seenBefore")}`, "bad") : i.checked === false ? chip(t("notSeen"), "ok") : null,
      i.processed ? chip(`✓ ${t("processedTag")}`, "ok") : null,
      i.failed ? chip(`✗ ${t("failedTag")}`, "bad") : null,
      // Auto-ack marks every delivery acked on arrival: the chip speaks only of the person's own ACK.
      i.acked && i.processed ? chip(`✓ ${t("acked")}`, "ok") : null,
      i.held ? chip(t("held"), "warn") : null,
    ),
  );
  const processing = v.processing
    ? h(
        "div",
        { class: "progress", role: "progressbar", "aria-label": t("processing", { msgId: v.processing.msgId }) },
        // The bar fills over the processing's own duration; a new token restarts it.
        h("span", {
          class: "fill",
          style: `animation-duration:${(v.processing.doneAt - v.processing.startedAt) * TICK_MS}ms`,
          "data-token": v.processing.token,
        }),
        h("label", {}, t("processing", { msgId: v.processing.msgId })),
      )
    : null;
  return h(
    "div",
    {},
    h("h2", {}, `${t("inbox")} · ${subscriptionName(v.subscription)}`),
    v.slow ? h("p", { class: "warn" }, t("slow")) : null,
    processing,
    rows.length ? h("ul", { class: "list" }, ...rows) : h("p", { class: "muted" }, t("emptyInbox")),
  );
}

function broker(v: BrokerSeat, ctx: PanelContext): HTMLElement {
  const rows = v.intake.map((i) =>
    token(
      ctx,
      i.token,
      h("strong", {}, i.msgId),
      ` · ${i.key} #${i.seq} `,
      i.routingKey !== undefined ? chip(t("routingKeyTag", { routingKey: i.routingKey || "—" }), "key") : null,
      i.persisted ? chip(`✓ ${t("persistedTag")}`, "ok") : null,
      i.routed ? chip(`✓ ${t("routedTag")}${i.routedTo?.length ? `: ${i.routedTo.join(", ")}` : ""}`, "ok") : null,
      i.confirmed ? chip(`✓ ${t("confirmedTag")}`, "ok") : null,
    ),
  );
  // A queue has one subscription that every consumer shares; a topic has one per consumer.
  const queue = v.queues.length <= 1 && v.queues.every((q) => q.subscription === QUEUE_NAME);
  const targets = ["all", ...(queue ? [] : v.queues.map((q) => q.subscription))];
  // Behind an exchange each queue shows its binding key: the person matches routing keys against them.
  const bindingOf = (queue: string) => {
    const keys = v.exchange?.bindings.filter((b) => b.queue === queue).map((b) => (v.exchange?.type === "fanout" || b.key === "" ? t("anyKey") : b.key));
    return keys?.length ? ` ← ${keys.join(" | ")}` : "";
  };
  const optionText = (target: string) => {
    if (target !== "all") return `${v.exchange ? target : subscriptionName(target)}${bindingOf(target)}`;
    return queue ? t("theQueue") : t("allSubscriptions");
  };
  const select = h(
    "select",
    { "aria-label": t("routeTo"), testid: "route-target", onchange: (e: Event) => ctx.setRouteTarget((e.target as HTMLSelectElement).value) },
    ...targets.map((target) => h("option", { value: target, ...(target === ctx.routeTarget ? { selected: true } : {}) }, optionText(target))),
  );
  return h(
    "div",
    {},
    h("h2", {}, t("intake")),
    rows.length ? h("ul", { class: "list" }, ...rows) : h("p", { class: "muted" }, t("emptyIntake")),
    h("label", { class: "route" }, h("span", {}, t("routeTo")), select),
    h("h2", {}, v.exchange ? t("exchangeTitle", { type: v.exchange.type }) : queue ? t("queues") : t("subscriptions")),
    h(
      "ul",
      { class: "list compact depths", testid: v.exchange ? "exchange-bindings" : "broker-queues" },
      ...v.queues.map((q) =>
        h(
          "li",
          {},
          h("span", {}, v.exchange ? `${q.subscription}${bindingOf(q.subscription)}` : subscriptionName(q.subscription)),
          h("strong", {}, String(q.depth)),
        ),
      ),
    ),
  );
}

export function seatPanel(v: SeatView, ctx: PanelContext): HTMLElement {
  return v.role === "producer" ? producer(v) : v.role === "consumer" ? consumer(v, ctx) : broker(v, ctx);
}

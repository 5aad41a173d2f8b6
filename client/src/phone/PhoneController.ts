// The phone: a controller for one seat. Large touch targets, the role's actions as
// buttons (action-*), the tokens the player holds, what happened to what it sent, the
// reason of a refusal, a clear reconnecting state, and the player's part at the end.
// Every change is also said as text in the aria-live region.
import type { Connection, Status, Welcome } from "../connection.js";
import { h, replace } from "../dom.js";
import { onLocaleChange } from "../i18n/locale.js";
import { t, type PhoneKey } from "../i18n/phoneWords.js";
import { actionHelp, actionLabel, roleName } from "../i18n/roles.js";
import { reasonText } from "../i18n/roomWords.js";
import { TICK_MS } from "../../../shared/engine/config.js";
import type { BrokerSeat, ConsumerSeat, ProducerSeat } from "../../../shared/view/seatView.js";
import { isHostRoundOver, type PlayerAction, type PlayerRoundOver, type SeatMessage } from "../../../shared/protocol.js";

export class PhoneController {
  private welcome: Welcome | null = null;
  private seat: SeatMessage | null = null;
  private selected: number | null = null;
  private routeTarget = "all";
  private refusal = "";
  private refusalTimer = 0;
  private over: PlayerRoundOver | null = null;
  private phase = "lobby";
  private countdown = 0;
  private lastAnnounced = new Set<string>();
  private teams: { score: number; committed: number; lost: number; duplicated: number }[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly root: HTMLElement,
    private readonly statusEl: HTMLElement,
    private readonly live: HTMLElement,
  ) {}

  start(): void {
    const c = this.connection;
    c.on("welcome", (w) => {
      this.welcome = w;
      this.render();
    });
    c.on("seat", (s) => {
      this.announceChanges(this.seat, s);
      this.seat = s;
      this.over = null;
      this.render();
    });
    c.on("refused", (r) => {
      this.refusal = t("refused", { reason: reasonText(r.reason.code) });
      this.say(this.refusal);
      clearTimeout(this.refusalTimer);
      this.refusalTimer = window.setTimeout(() => {
        this.refusal = "";
        this.render();
      }, 4000);
      this.render();
    });
    c.on("roundOver", (o) => {
      if (isHostRoundOver(o)) return;
      this.over = o;
      this.say(t("over"));
      this.render();
    });
    c.on("state", (s) => {
      if (this.welcome?.role === "spectator") {
        this.teams = [...(s.teams ?? [])].map((team) => ({ score: team.score, committed: team.committed, lost: team.lost, duplicated: team.duplicated }));
        this.render();
      }
      if (s.phase !== this.phase) this.say(this.phaseText(s.phase, s.countdown));
      const changed = s.phase !== this.phase || s.countdown !== this.countdown;
      this.phase = s.phase;
      this.countdown = s.countdown;
      if (changed) this.render();
    });
    c.on("status", (s) => this.renderStatus(s));
    onLocaleChange(() => {
      this.renderStatus(c.status);
      this.render();
    });
    this.renderStatus(c.status);
    this.render();
  }

  private say(text: string): void {
    this.live.textContent = text;
  }

  private renderStatus(status: Status): void {
    const key: Record<Status, PhoneKey> = { connecting: "joining", connected: "connected", reconnecting: "reconnecting", disconnected: "disconnected" };
    this.statusEl.textContent = t(key[status]);
    this.statusEl.className = `status ${status}`;
    document.body.classList.toggle("offline", status !== "connected");
    if (status !== "connected") this.say(t(key[status]));
  }

  private phaseText(phase: string, countdown: number): string {
    if (phase === "countdown") return t("countdown", { n: countdown });
    const keys: Record<string, PhoneKey> = { lobby: "waiting", running: "running", paused: "paused", draining: "draining", over: "over" };
    return t(keys[phase] ?? "waiting");
  }

  /** Says what arrived, what was acknowledged, what timed out. */
  private announceChanges(before: SeatMessage | null, after: SeatMessage): void {
    const v = after.view;
    if (!v) return;
    const notes: string[] = [];
    if (v.role === "consumer")
      for (const i of v.inbox) {
        if (this.lastAnnounced.has(`r${i.token}`)) continue;
        this.lastAnnounced.add(`r${i.token}`);
        notes.push(t("received", { msgId: i.msgId }));
      }
    if (v.role === "producer")
      for (const r of v.sent) {
        const key = `${r.status}${r.msgId}${r.attempts}`;
        if (this.lastAnnounced.has(key)) continue;
        this.lastAnnounced.add(key);
        if (r.status === "acknowledged") notes.push(t("ackReceived", { msgId: r.msgId }));
        if (r.status === "timedOut") notes.push(t("timedOutNotice", { msgId: r.msgId }));
      }
    if (before?.view && before.view.up && !v.up) notes.push(t("youAreDown"));
    if (notes.length) this.say(notes.slice(-3).join(". "));
  }

  private render(): void {
    const w = this.welcome;
    if (!w) return;
    const header = h(
      "section",
      { class: "card who" },
      h("div", { class: "code" }, `${t("code")}: ${w.code}`),
      h("div", { class: "name" }, w.name ?? ""),
      this.seat?.role
        ? h("div", { class: "role", testid: "my-role" }, `${roleName(this.seat.role)} ${this.seat.seat} · ${t("team")} ${this.seat.team + 1}`)
        : h("div", { class: "role", testid: "my-role" }, w.role === "spectator" ? t("spectator") : t("waiting")),
    );
    const banner = h("p", { class: `phase ${this.phase}` }, this.phaseText(this.phase, this.countdown));
    const refusal = this.refusal ? h("p", { class: "refusal", role: "alert", testid: "refusal" }, this.refusal) : null;
    const spectating = w.role === "spectator" && !this.seat ? this.renderLeaderboard() : null;
    replace(this.root, header, banner, refusal, this.over ? this.renderOver(this.over) : this.renderSeat(), spectating);
  }

  /** What a late joiner watches: every team's score, until the next round gives them a seat. */
  private renderLeaderboard(): HTMLElement {
    const rows = this.teams.map((team, i) => ({ team, i })).sort((a, b) => b.team.score - a.team.score);
    return h(
      "section",
      { class: "card" },
      h("h2", {}, t("leaderboard")),
      h("ul", { class: "list compact" }, ...rows.map(({ team, i }) => h("li", {}, `${t("team")} ${i + 1}: ${team.score} · ${t("committed")} ${team.committed} · ${t("lost")} ${team.lost} · ${t("duplicated")} ${team.duplicated}`))),
    );
  }

  private renderOver(o: PlayerRoundOver): HTMLElement {
    const team = o.team;
    return h(
      "section",
      { class: "card over" },
      h("h2", {}, t("over")),
      h("p", {}, t("yourContribution", { actions: o.you?.actions ?? 0, refusals: o.you?.refusals ?? 0 })),
      h("p", {}, t("teamResult", { committed: team?.committed ?? 0, lost: team?.lost ?? 0, duplicated: team?.duplicated ?? 0, misordered: team?.misordered ?? 0 })),
      h("p", { class: "score", testid: "team-score" }, `${t("score")}: ${team?.score ?? 0}`),
    );
  }

  private renderSeat(): HTMLElement | null {
    const s = this.seat;
    if (!s || !s.view || !s.role) return null;
    const v = s.view;
    const body =
      v.role === "producer" ? this.producer(v) : v.role === "consumer" ? this.consumer(v) : this.broker(v);
    return h("section", { class: `card seat ${v.up ? "" : "down"}` }, !v.up ? h("p", { class: "down-banner", role: "alert" }, `✖ ${t("youAreDown")}`) : null, body, this.actionBar(s));
  }

  private chip(text: string, cls = ""): HTMLElement {
    return h("span", { class: `chip ${cls}` }, text);
  }

  private producer(v: ProducerSeat): HTMLElement {
    const next = v.next
      ? h("div", { class: "event-card" }, h("strong", {}, v.next.msgId), ` · ${v.next.key} #${v.next.seq} · R$ ${v.next.amount}`, h("small", {}, ` (${v.remaining})`))
      : h("p", { class: "muted" }, t("noMoreEvents"));
    const half = v.halfDone
      ? h("p", { class: "half" }, t("halfDone", { msgId: v.halfDone.msgId }), " ", this.chip(v.halfDone.saved ? `✓ ${t("saved")}` : `… ${t("saved")}`), this.chip(v.halfDone.published ? `✓ ${t("published")}` : `… ${t("published")}`))
      : null;
    const rows = v.sent.map((r) => {
      const icon = r.status === "acknowledged" ? "✓" : r.status === "timedOut" ? "⚠" : r.status === "pending" ? "⏳" : "→";
      const key = `status_${r.status}` as PhoneKey;
      return h("li", { class: `sent ${r.status}` }, h("span", { class: "icon", "aria-hidden": "true" }, icon), `${r.msgId} · ${r.key} #${r.seq} · `, h("em", {}, t(key)), r.attempts > 1 ? ` (${r.attempts} ${t("attempts")})` : "");
    });
    return h(
      "div",
      {},
      h("h2", {}, t("nextEvent")),
      next,
      half,
      v.outbox > 0 ? h("p", { class: "muted" }, t("outboxRows", { n: v.outbox })) : null,
      h("h2", {}, t("sent")),
      h("ul", { class: "list" }, ...rows),
    );
  }

  private selectable<T extends { token: number }>(items: T[]): number | null {
    if (this.selected !== null && items.some((i) => i.token === this.selected)) return this.selected;
    return items[0]?.token ?? null;
  }

  private consumer(v: ConsumerSeat): HTMLElement {
    const current = this.selectable(v.inbox.filter((i) => !(i.processed && i.acked)));
    const rows = v.inbox.map((i) =>
      h(
        "li",
        { class: `token ${i.token === current ? "selected" : ""}`, role: "button", tabindex: 0, "aria-pressed": String(i.token === current), onclick: () => this.select(i.token) },
        h("strong", {}, i.msgId),
        ` · ${i.key} #${i.seq} · R$ ${i.amount} `,
        i.redelivered ? this.chip(`↻ ${t("redelivered")}`, "warn") : null,
        i.checked === true ? this.chip(`⚠ ${t("seenBefore")}`, "bad") : i.checked === false ? this.chip(t("notSeen"), "ok") : null,
        i.processed ? this.chip(`✓ ${t("processedTag")}`, "ok") : null,
        i.acked ? this.chip(`✓ ${t("acked")}`, "ok") : null,
        i.held ? this.chip(`⏸ ${t("held")}`) : null,
      ),
    );
    const processing = v.processing
      ? h(
          "div",
          { class: "progress", role: "progressbar", "aria-label": t("processing", { msgId: v.processing.msgId }) },
          // The bar fills over the processing's own duration; a new token restarts it.
          h("span", { class: "fill", style: `animation-duration:${(v.processing.doneAt - v.processing.startedAt) * TICK_MS}ms`, "data-token": v.processing.token }),
          h("label", {}, t("processing", { msgId: v.processing.msgId })),
        )
      : null;
    return h("div", {}, h("h2", {}, `${t("inbox")} · ${v.subscription}`), v.slow ? h("p", { class: "warn" }, t("slow")) : null, processing, rows.length ? h("ul", { class: "list" }, ...rows) : h("p", { class: "muted" }, t("emptyInbox")));
  }

  private broker(v: BrokerSeat): HTMLElement {
    const current = this.selectable(v.intake);
    const rows = v.intake.map((i) =>
      h(
        "li",
        { class: `token ${i.token === current ? "selected" : ""}`, role: "button", tabindex: 0, onclick: () => this.select(i.token) },
        h("strong", {}, i.msgId),
        ` · ${i.key} #${i.seq} `,
        i.persisted ? this.chip(`✓ ${t("persistedTag")}`, "ok") : null,
        i.routed ? this.chip(`✓ ${t("routedTag")}`, "ok") : null,
        i.confirmed ? this.chip(`✓ ${t("confirmedTag")}`, "ok") : null,
      ),
    );
    const targets = ["all", ...v.queues.map((q) => q.subscription)];
    const select = h("select", { "aria-label": t("routeTo"), onchange: (e: Event) => (this.routeTarget = (e.target as HTMLSelectElement).value) }, ...targets.map((target) => h("option", { value: target, ...(target === this.routeTarget ? { selected: true } : {}) }, target === "all" ? t("allSubscriptions") : target)));
    return h(
      "div",
      {},
      h("h2", {}, t("intake")),
      rows.length ? h("ul", { class: "list" }, ...rows) : h("p", { class: "muted" }, t("emptyIntake")),
      h("label", { class: "inline" }, `${t("routeTo")} `, select),
      h("h2", {}, t("queues")),
      h("ul", { class: "list compact" }, ...v.queues.map((q) => h("li", {}, `${q.subscription}: ${q.depth}`))),
    );
  }

  private select(token: number): void {
    this.selected = token;
    this.render();
  }

  private actionBar(s: SeatMessage): HTMLElement {
    const v = s.view;
    const buttons = s.actions.map((action) =>
      h("button", { class: "action big", type: "button", testid: `action-${action}`, title: actionHelp(action), onclick: () => this.perform(action) }, actionLabel(action)),
    );
    return h("nav", { class: `actions ${v && !v.up ? "disabled" : ""}` }, ...buttons);
  }

  /** Turns a tap into an action on the selected token (or the first one that fits). */
  private perform(action: PlayerAction): void {
    const v = this.seat?.view;
    if (!v) return;
    if (action === "send" || action === "saveDb" || action === "publish" || action === "commitOutbox") return void this.connection.act(action);
    if (action === "retry" && v.role === "producer") {
      const late = v.sent.find((r) => r.status === "timedOut") ?? v.sent[0];
      return void this.connection.act("retry", { msgId: late?.msgId ?? "none" });
    }
    const items: { token: number }[] = v.role === "consumer" ? v.inbox : v.role === "broker" ? v.intake : [];
    let token = this.selectable(items);
    if (v.role === "consumer" && action === "ack") token = (v.inbox.find((i) => i.token === this.selected && !i.acked) ?? v.inbox.find((i) => (i.processed || i.checked === true) && !i.acked) ?? v.inbox.find((i) => !i.acked))?.token ?? token;
    if (v.role === "consumer" && action === "process") token = (v.inbox.find((i) => i.token === this.selected && !i.processed) ?? v.inbox.find((i) => !i.processed))?.token ?? token;
    if (token === null) return;
    if (action === "route") return void this.connection.act("route", { token, target: this.routeTarget });
    this.connection.act(action, { token });
  }
}

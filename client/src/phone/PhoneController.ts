// The phone: one seat, understood in ten seconds. It keeps what the room said (welcome, seat,
// state, results, lesson answers) and draws the page's parts from it: who you are and the
// round's clock, the role's help at round start, the lesson's poll or prediction, the lobby /
// the seat / the results, the dock of buttons with its one-line hint, and the overlays and
// toasts. Every change is also said in the aria-live region; every text follows the language.
import type { Connection, Status, Welcome } from "../connection.js";
import { h, replace } from "../dom.js";
import { onLocaleChange } from "../i18n/locale.js";
import { t, type PhoneKey } from "../i18n/phoneWords.js";
import { roleName, setVocabulary } from "../i18n/roles.js";
import { reasonText } from "../i18n/roomWords.js";
import { isHostRoundOver, type IdleState, type PlayerRoundOver, type SeatMessage } from "../../../shared/protocol.js";
import { buttonCommand, type ActionButton } from "../../../shared/engine/actions.js";
import type { LessonStateView, RoomStateView } from "../../../shared/view/roomState.js";
import { actionTarget } from "../../../shared/view/seatActions.js";
import { seatHint } from "../../../shared/view/seatHints.js";
import { actionDock } from "./actionDock.js";
import { announcements } from "./announce.js";
import { LazyTexts } from "./lazyTexts.js";
import { LessonPanel } from "./lessonPanel.js";
import { leaderboard, lobby, type SeatPreview, type TeamLine } from "./lobby.js";
import { overlay, overlayKind, Toast } from "./overlays.js";
import { results } from "./results.js";
import { helpSeen, markHelpSeen, roleHelp } from "./roleHelp.js";
import { formatClock, secondsLeft, type ClockSync } from "./roundClock.js";
import { seatPanel } from "./seatPanels.js";
import { clockOf, designPanel, teamDesign, type TeamDesignFacts } from "./designPanel.js";

/** The phases in which a seat plays (its buttons show). */
const PLAYING = new Set(["countdown", "running", "paused"]);

interface RoomFacts {
  phase: string;
  countdown: number;
  round: number;
  scenario: string;
  variant: string;
  /** The broker profile the round runs on: its words on every button. */
  profile: string;
  preview: SeatPreview | null;
  idle: string;
  lesson: LessonStateView | undefined;
  teams: TeamLine[];
  /** The design phase: the team's design, the end this seat designs and the ends people design. */
  design: TeamDesignFacts | null;
}

export class PhoneController {
  private welcome: Welcome | null = null;
  private seat: SeatMessage | null = null;
  private over: PlayerRoundOver | null = null;
  private room: RoomFacts = {
    phase: "lobby",
    countdown: 0,
    round: 0,
    scenario: "",
    variant: "",
    profile: "",
    preview: null,
    idle: "",
    lesson: undefined,
    teams: [],
    design: null,
  };
  private drawnRoom = "";
  private clock: ClockSync = { phase: "lobby", tick: 0, roundTicks: 0, at: 0 };
  private designLeft = 0;
  private selected: number | null = null;
  private routeTarget = "all";
  private helpOpen = false;
  private started = false;
  private readonly said = new Set<string>();
  private readonly texts = new LazyTexts(() => this.redraw());
  private readonly lessonPanel: LessonPanel;
  private readonly toast = new Toast();
  private readonly who = h("section", { class: "card who" });
  private readonly help = h("div", { class: "help-slot" });
  private readonly main = h("div", { class: "main-slot" });
  private readonly dock = h("div", { class: "dock", hidden: true });
  private readonly cover = h("div", { class: "overlay-slot" });

  constructor(
    private readonly connection: Connection,
    private readonly root: HTMLElement,
    private readonly statusEl: HTMLElement,
    private readonly live: HTMLElement,
  ) {
    this.lessonPanel = new LessonPanel((type, payload) => connection.answer(type, payload), this.texts);
    // Listening from before the join: the room's first messages (welcome, seat, results) come at once.
    const c = connection;
    c.on("welcome", (w) => ((this.welcome = w), this.render()));
    c.on("seat", (s) => this.onSeat(s));
    c.on("refused", (r) => this.notify(t("refused", { reason: reasonText(r.reason.code) })));
    c.on("roundOver", (o) => {
      if (isHostRoundOver(o)) return;
      this.over = o;
      this.helpOpen = false;
      this.say(t("over"));
      this.render();
    });
    c.on("yourAnswer", (a) => this.lessonPanel.answered(a));
    c.on("state", (s) => this.onState(s));
    c.on("status", (s) => (this.renderStatus(s), this.render()));
  }

  /** Takes the page over (the join form goes). */
  start(): void {
    this.started = true;
    replace(this.root, this.who, this.help, this.lessonPanel.el, this.main);
    document.body.append(this.dock, this.toast.el, this.cover);
    onLocaleChange(() => this.redraw());
    window.setInterval(() => this.tickClock(), 250);
    this.redraw();
  }

  private redraw(): void {
    // What was said in the other language is not said again (the screen says it all anew).
    this.live.textContent = "";
    this.renderStatus(this.connection.status);
    this.lessonPanel.render(true);
    this.render();
  }

  private onSeat(s: SeatMessage): void {
    const newSeat = !this.seat || this.seat.seat !== s.seat || this.seat.team !== s.team;
    this.say(announcements(this.seat, s, this.said).join(". "));
    this.seat = s;
    if (newSeat) this.selected = null;
    if (s.role && PLAYING.has(this.room.phase) && !this.helpSeen()) this.helpOpen = true;
    this.render();
  }

  private onState(s: RoomStateView): void {
    const me = this.welcome?.playerId ? s.players?.get(this.welcome.playerId) : undefined;
    const teams =
      this.welcome?.role === "spectator"
        ? [...(s.teams ?? [])].map((x) => ({ score: x.score, committed: x.committed, lost: x.lost, duplicated: x.duplicated }))
        : [];
    const preview = me && me.seat && me.team >= 0 && !me.spectator ? { seat: me.seat, team: me.team } : null;
    const next: RoomFacts = {
      phase: s.phase,
      countdown: s.countdown,
      round: s.round,
      scenario: s.scenario,
      variant: s.variant,
      profile: s.profile,
      preview,
      idle: me?.idle ?? "",
      lesson: s.lesson,
      teams,
      design: s.phase === "design" && preview ? teamDesign(s, preview) : null,
    };
    this.designLeft = s.designLeft ?? 0;
    if (next.phase !== this.room.phase) {
      this.say(this.phaseText(next.phase, next.countdown));
      // A new round: the last results give way, and the role's help comes back for the new seat.
      if (next.phase === "countdown" || next.phase === "running" || next.phase === "design") this.over = null;
      if (PLAYING.has(next.phase) && this.seat?.role && !this.helpSeen()) this.helpOpen = true;
    }
    if (s.tick !== this.clock.tick || s.phase !== this.clock.phase || s.roundTicks !== this.clock.roundTicks)
      this.clock = { phase: s.phase, tick: s.tick, roundTicks: s.roundTicks, at: performance.now() };
    this.room = next;
    // Buttons, hints and help speak the round's broker's words.
    setVocabulary(s.profile);
    this.lessonPanel.update(s.lesson);
    const drawn = JSON.stringify(next);
    if (drawn !== this.drawnRoom) {
      this.drawnRoom = drawn;
      this.render();
    } else this.tickClock();
    const timer = this.main.querySelector("[data-testid=design-timer]");
    if (timer && timer.textContent !== clockOf(this.designLeft)) timer.textContent = clockOf(this.designLeft);
  }

  // --- the role's help: shown once per round and seat, then on request ---------------------------

  private helpKey(): string {
    return `eo:help:${this.welcome?.code}:${this.room.round}:${this.seat?.team}:${this.seat?.seat}`;
  }

  private helpSeen(): boolean {
    return helpSeen(this.helpKey());
  }

  private closeHelp(): void {
    this.helpOpen = false;
    markHelpSeen(this.helpKey());
    this.render();
  }

  // --- words ----------------------------------------------------------------------------------------

  private say(text: string): void {
    if (text) this.live.textContent = text;
  }

  private notify(text: string): void {
    this.toast.show(text);
    this.say(text);
  }

  private renderStatus(status: Status): void {
    const key: Record<Status, PhoneKey> = { connecting: "joining", connected: "connected", reconnecting: "reconnecting", disconnected: "disconnected" };
    this.statusEl.textContent = status === "disconnected" ? "" : t(key[status]);
    this.statusEl.className = `status ${status}`;
    document.body.classList.toggle("offline", status !== "connected");
    if (status !== "connected") this.say(t(key[status]));
  }

  private phaseText(phase: string, countdown: number): string {
    if (phase === "countdown") return t("countdown", { n: countdown });
    const keys: Record<string, PhoneKey> = { lobby: "waiting", design: "design", running: "running", paused: "paused", draining: "draining", over: "over" };
    return t(keys[phase] ?? "waiting");
  }

  private tickClock(): void {
    const el = this.who.querySelector("[data-testid=round-timer]");
    if (!el) return;
    const left = secondsLeft(this.clock, performance.now());
    el.textContent = left === null ? t("finishing") : formatClock(left);
  }

  // --- drawing --------------------------------------------------------------------------------------

  private get idle(): IdleState {
    const idle = this.seat?.idle ?? this.room.idle;
    return idle === "nudged" || idle === "bot" ? idle : "";
  }

  private render(): void {
    const w = this.welcome;
    if (!w || !this.started) return;
    const { phase } = this.room;
    const seat = this.seat?.role && this.seat.view ? this.seat : null;
    const playing = !!seat && PLAYING.has(phase) && !this.over;
    const showWho = !!seat && phase !== "lobby" && phase !== "design" && !(phase === "over" && this.over);
    this.renderWho(showWho ? seat : null);
    replace(
      this.help,
      playing && this.helpOpen && seat
        ? roleHelp({ seat, scenario: this.texts.scenarios?.[this.room.scenario] ?? null, variant: this.room.variant, close: () => this.closeHelp() })
        : null,
    );
    replace(this.main, ...this.mainParts(w, seat, playing));
    this.dock.hidden = !playing;
    if (playing && seat)
      replace(
        this.dock,
        actionDock({ seat, phase, selected: this.selected, idle: this.idle, perform: (a) => this.perform(a), explain: (text) => this.notify(text) }),
      );
    document.documentElement.style.setProperty("--dock-h", `${playing ? this.dock.offsetHeight : 0}px`);
    const kind = overlayKind(this.connection.status, phase);
    replace(this.cover, kind ? overlay(kind) : null);
  }

  private renderWho(seat: SeatMessage | null): void {
    this.who.hidden = !seat;
    if (!seat?.role) return replace(this.who);
    const timed = ["countdown", "running", "paused", "draining"].includes(this.room.phase);
    const helpButton =
      PLAYING.has(this.room.phase) && !this.helpOpen
        ? h(
            "button",
            { class: "link help-open", type: "button", testid: "role-help-open", onclick: () => ((this.helpOpen = true), this.render()) },
            `? ${t("whatDoIDo")}`,
          )
        : null;
    replace(
      this.who,
      h(
        "div",
        { class: "role", testid: "my-role" },
        h("span", { class: "role-name" }, `${roleName(seat.role)} ${seat.seat}`),
        h("span", { class: "sep" }, " · "),
        h("span", { class: "team" }, `${t("team")} ${seat.team + 1} · ${this.welcome?.name ?? ""}`),
      ),
      timed ? h("div", { class: "timer", testid: "round-timer", "aria-label": t("timeLeft") }, "") : null,
      h(
        "div",
        { class: "row" },
        this.room.phase === "running" ? null : h("p", { class: `phase ${this.room.phase}` }, this.phaseText(this.room.phase, this.room.countdown)),
        helpButton,
      ),
    );
    this.tickClock();
  }

  private mainParts(w: Welcome, seat: SeatMessage | null, playing: boolean): (HTMLElement | null)[] {
    const topic = this.room.lesson?.active ? this.texts.topic(this.room.lesson.topic) : null;
    const spectator = w.role === "spectator" && !seat;
    const waitingRoom = this.room.phase === "lobby" || (!seat && !this.over);
    const { design, preview } = this.room;
    if (design && preview) {
      const choose = (setting: string, value: string) => this.connection.design(setting, value);
      const input = { ...preview, end: design.end, design: design.choices, designed: new Set(design.designed), secondsLeft: this.designLeft, choose };
      return [designPanel(input)];
    }
    return [
      waitingRoom ? lobby(w.name ?? "", this.room.preview, topic, spectator) : null,
      // The last results stay until the next round starts, unless the lesson asks something meanwhile.
      this.over && !playing && !this.room.lesson?.pollOpen && !this.room.lesson?.predictOpen ? results(this.over, this.texts.causeSentence) : null,
      playing && seat?.view ? this.seatCard(seat) : null,
      !playing && !this.over && seat && this.room.phase === "draining" ? h("p", { class: "card muted" }, t("waitResults")) : null,
      spectator && this.room.phase !== "lobby" ? leaderboard(this.room.teams) : null,
    ];
  }

  private seatCard(seat: SeatMessage): HTMLElement | null {
    const v = seat.view;
    if (!v) return null;
    const hint = seatHint(seat, this.selected);
    const current = actionTarget(v, hint?.action ?? seat.actions[0] ?? "process", this.selected).token ?? this.selected;
    const ctx = {
      current,
      select: (token: number) => ((this.selected = token), this.render()),
      routeTarget: this.routeTarget,
      setRouteTarget: (target: string) => (this.routeTarget = target),
    };
    return h(
      "section",
      { class: `card seat ${v.up ? "" : "down"}` },
      !v.up ? h("p", { class: "down-banner", role: "alert" }, `✖ ${t("youAreDown")}`) : null,
      seatPanel(v, ctx),
    );
  }

  /** A tap: the button's action on what the seat shows (the selected message when it fits); a nack says whether it requeues. */
  private perform(button: ActionButton): void {
    const v = this.seat?.view;
    if (!v) return;
    const target = actionTarget(v, button, this.selected);
    const { action, requeue } = buttonCommand(button);
    if (v.role === "producer") return void (action === "retry" ? this.connection.act("retry", { msgId: target.msgId ?? "none" }) : this.connection.act(action));
    const items: { token: number }[] = v.role === "consumer" ? v.inbox : v.intake;
    const token = target.token ?? this.selected ?? items[0]?.token ?? 0;
    this.connection.act(action, action === "route" ? { token, target: this.routeTarget } : { token, ...(requeue === undefined ? {} : { requeue }) });
  }
}

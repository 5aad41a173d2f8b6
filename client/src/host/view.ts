// The projector's screen, drawn from the page's state: which screen (screens.ts), built
// afresh when what it is made of changes (the topic, the lesson step, a new round's
// results, the language…), and between those only its live parts updated (roster, timer,
// board, canvas, answers). In lesson mode the screen sits in a `lesson-step` box that names
// the topic and the step.
import type { Connection } from "../connection.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import type { ProjectorCanvas } from "./canvas.js";
import { debriefScreen } from "./debrief.js";
import { designLive, designScreen } from "./designPhase.js";
import { lessonDebriefScreen } from "./lesson/lessonDebrief.js";
import { lessonTopic } from "./lesson/lessonBar.js";
import { pollScreen, predictScreen, promptScreen, resetStepDrawings, stepLive } from "./lesson/steps.js";
import { summaryScreen } from "./lesson/summary.js";
import { lobbyLive, lobbyScreen } from "./lobby.js";
import { hostPage, type HostPageField } from "./pageState.js";
import { renderRoster } from "./roster.js";
import { roundLive, roundScreen } from "./roundView.js";
import { screenOf, type Screen } from "./screens.js";

/** What the tour of the brokers shows: it redraws as each broker's column comes. */
function tourKey(tour: ReturnType<typeof hostPage>["tour"]): string {
  return tour ? `${tour.scenario}/${tour.variant}/${tour.columns.length}/${tour.ms !== null}` : "-";
}

export class ProjectorView {
  private screen: Screen | null = null;
  private key = "";
  /** Bumped by what rebuilds a screen without showing in the state's fields (a language switch, a refusal, a new summary). */
  private serial = 0;

  constructor(
    private readonly app: HTMLElement,
    private readonly connection: Connection,
    private readonly canvas: ProjectorCanvas,
  ) {}

  current(): Screen | null {
    return this.screen;
  }

  /** Rebuilds the screen at the next refresh, whatever changed. */
  invalidate(): void {
    this.serial++;
  }

  /** Redraws after the page's state changed (`set`: which fields). */
  refresh(set?: ReadonlySet<HostPageField>): void {
    const page = hostPage();
    if (!page.roomCode) return;
    // Nothing to control before the room's state arrives: a choice made earlier would be lost.
    if (!page.room) {
      this.key = "";
      return replace(this.app, h("p", { class: "screen waiting big-note" }, t("joining")));
    }
    if (set?.has("lessonSummary") || (set?.has("refusal") && page.refusal)) this.serial++;
    const room = page.room;
    const screen = screenOf({ inRoom: true, phase: room?.phase ?? null, lesson: room?.lesson ?? null, debriefOpen: page.debriefOpen && !!page.lastOver });
    const key = this.keyOf(screen);
    if (screen !== this.screen || key !== this.key) {
      const entered = screen !== this.screen;
      this.screen = screen;
      this.key = key;
      this.render(screen);
      // The lesson's debrief shows the topic's prediction from the summary: ask for it on the way in, when a round of the topic was played.
      if (entered && screen === "lessonDebrief" && this.topicPlayed()) this.connection.host("host:lesson", { action: "summary" });
    }
    this.live(screen);
  }

  /** The window changed size: what is fitted to the screen is fitted again. */
  resized(): void {
    if (this.screen === "lobby") renderRoster(this.connection, true);
    resetStepDrawings();
    this.refresh();
  }

  private topicPlayed(): boolean {
    const { room, history } = hostPage();
    const scenario = lessonTopic(room?.lesson.topic ?? 0)?.scenario;
    return history.some((r) => r.scenario === scenario);
  }

  private keyOf(screen: Screen): string {
    const { room, lastOver, history, catalogue, moving, joinUrl, tour, choice } = hostPage();
    const lesson = room?.lesson;
    const common = `${this.serial}|${catalogue.length}|${lesson?.active ? `${lesson.topic}/${lesson.step}` : "-"}`;
    switch (screen) {
      case "lobby":
        return `${common}|${room?.scenario}|${room?.variant}|${room?.profile}|${choice?.scenario}/${choice?.variant}|${lastOver?.gameId}|${moving}|${joinUrl}|${lesson?.roundIndex}|${tourKey(tour)}`;
      case "round":
        return `${common}|${room?.scenario}|${room?.variant}|${room?.profile}`;
      case "design":
        return `${common}|${room?.scenario}|${room?.variant}|${room?.round}`;
      case "debrief":
      case "lessonDebrief":
        return `${common}|${lastOver?.gameId}|${history.length}`;
      default:
        return common;
    }
  }

  private render(screen: Screen): void {
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active && active !== document.body ? active.id || active.dataset.testid || "" : "";
    resetStepDrawings();
    const { lastOver, room } = hostPage();
    const lesson = room?.lesson?.active ? room.lesson : null;
    let content: HTMLElement;
    switch (screen) {
      case "round":
        content = roundScreen(this.connection, this.canvas);
        break;
      case "design":
        content = designScreen(this.connection);
        break;
      case "debrief":
        content = debriefScreen(this.connection, lastOver!, { topic: lesson ? lessonTopic(lesson.topic) : null, canGoBack: true });
        break;
      case "prompt":
        content = promptScreen(this.connection);
        break;
      case "poll":
        content = pollScreen(this.connection);
        break;
      case "predict":
        content = predictScreen(this.connection);
        break;
      case "lessonDebrief":
        content = lessonDebriefScreen(this.connection);
        break;
      case "summary":
        content = summaryScreen(this.connection);
        break;
      default:
        content = lobbyScreen(this.connection);
    }
    const root = lesson
      ? h("div", { class: "lesson-step", testid: "lesson-step", "data-topic": String(lesson.topic), "data-step": lesson.step }, content)
      : content;
    replace(this.app, root);
    if (screen === "round") void this.canvas.load(() => this.refresh());
    if (focusKey)
      (document.getElementById(focusKey) ?? document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focusKey)}"]`))?.focus({ preventScroll: true });
  }

  private live(screen: Screen): void {
    if (screen === "lobby") lobbyLive(this.connection);
    else if (screen === "round") roundLive(this.connection, this.canvas);
    else if (screen === "design") designLive();
    else if (screen === "poll" || screen === "predict") stepLive();
  }
}

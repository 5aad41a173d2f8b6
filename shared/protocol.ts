// The messages between the browser and the class room, typed both ways, and the validation
// of what clients send. Every message a client sends is checked here (shape, size, types;
// lesson mode's in shared/lesson/messages.ts) before the room looks at it; a bad one is
// refused with a reason code the interface translates. Wire names and payloads are
// contracts: pages, bots and tests depend on them.
import type { Anomaly, RoundSummary, TeamReport } from "./checker/checker.js";
import type { CauseGroup } from "./checker/groups.js";
import { isPlayerAction, PLAYER_ACTION_SPECS, PLAYER_ACTIONS, type AnyActionArgument, type PlayerAction } from "./engine/actions.js";
import type { Fault, ProfileId } from "./engine/config.js";
import { isProfileId } from "./engine/profiles.js";
import type { Design } from "./design/settings.js";
import type { Emitted } from "./engine/kernel.js";
import type { Command, RefusalReason, Role } from "./engine/types.js";
import {
  parseLessonCommand,
  parsePin,
  type LessonCommand,
  type LessonPayloads,
  type LessonResults,
  type LessonSummary,
  type YourAnswer,
} from "./lesson/messages.js";
import type { LessonStepKind } from "./lesson/plan.js";
import type { PredictionOutcome } from "./lesson/progress.js";
import { bad, isInt, isPlainObject, isShortString, isWord, MAX_MESSAGE_BYTES, onlyKeys, payloadSize, type Parsed } from "./messageChecks.js";
import type { SeatView } from "./view/seatView.js";

export { PLAYER_ACTIONS, type PlayerAction };
export type { CauseGroup, LessonStepKind, PredictionOutcome };
export { MAX_MESSAGE_BYTES, payloadSize, type Parsed };
// Lesson mode's messages (shared/lesson/messages.ts) are part of the protocol.
export * from "./lesson/messages.js";

/** Reasons the room itself (not the engine) refuses something. */
export type ShellRefusal =
  | "badMessage"
  | "tooLarge"
  | "rateLimited"
  | "notHost"
  | "noSeat"
  | "notRunning"
  | "paused"
  | "unknownScenario"
  | "badSeed"
  | "roomLocked"
  | "roomFull"
  | "badName"
  | "badCode"
  | "unknownPlayer"
  | "unknownTeam"
  | "roundActive"
  // The variant does not run on the broker profile asked for (the catalogue's VariantDef.profiles).
  | "profileNotAllowed"
  // Lesson mode: no lesson running; the poll or prediction is closed; not an option of this
  // topic's prediction; a text longer than its limit after cleaning.
  | "notInLesson"
  | "closed"
  | "badOption"
  | "tooLong"
  // The design round: no design phase open; a setting of another end of the pipeline; not a
  // value of that setting (the detail says which); the configured variant has no design phase.
  | "notDesigning"
  | "wrongEnd"
  | "badChoice"
  | "notDesignRound";

export interface Refusal {
  /** The action or message type refused. */
  action: string;
  /** The client's sequence number of the action, when it sent one. */
  n?: number;
  reason: RefusalReason | { code: ShellRefusal; detail?: string };
}

export const MAX_NAME_LENGTH = 24;
export const ROOM_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"; // no I, L, O, 0, 1
export const ROOM_CODE_LENGTH = 6;

type ActArgument = AnyActionArgument;
/** Checked in this order, so a message missing several names the first. */
const ACT_ARGUMENTS: readonly ActArgument[] = ["token", "msgId", "target", "requeue"];

/** A player's action: the engine command without the seat (the room knows it). */
export interface ActMessage {
  action: PlayerAction;
  token?: number;
  msgId?: string;
  target?: string;
  /** A nack: back to the queue (true) or rejected (false). */
  requeue?: boolean;
  /** The client's own sequence number, echoed back so it can match refusals and measure latency. */
  n?: number;
}

export interface ConfigMessage {
  scenario: string;
  variant: string;
  seed?: number | null;
  /** Round length in seconds (30 to 900), default the scenario's. */
  roundSeconds?: number | null;
  /** The broker profile the round runs on, where the variant allows it; null or absent: the variant's own. */
  profile?: ProfileId | null;
}

/** A student's choice for one setting of their end of the pipeline, during the design phase. */
export interface DesignMessage {
  setting: string;
  value: string;
}

/** Who designs the ends nobody holds: the defaults a newcomer keeps, or the lesson's fixes. */
export type DesignBots = "naive" | "careful";

export const DESIGN_SECONDS = { min: 20, max: 600, default: 90 } as const;

/** The host opens the design phase: its length in seconds, and the bots' design for ends without a person. */
export interface DesignPhaseMessage {
  seconds: number;
  bots: DesignBots;
}

/** A host command as the room handles it: the message name and its checked payload. */
export type HostMessage =
  | { type: "host:config"; value: ConfigMessage }
  | { type: "host:start" }
  | { type: "host:design"; value: DesignPhaseMessage }
  | { type: "host:pause" }
  | { type: "host:resume" }
  | { type: "host:end" }
  | { type: "host:fault"; value: { team: number | "all"; fault: Fault } }
  | { type: "host:move"; value: { player: string; team: number } }
  | { type: "host:lock"; value: { locked: boolean } }
  | { type: "host:focus"; value: { team: number } }
  | { type: "host:lesson"; value: LessonCommand }
  /** The definition the class agreed on (cleaned, at most MAX_PIN_LENGTH); "" unpins. */
  | { type: "host:pin"; value: { text: string } };

/** The payload of each host command, by message name (nothing for the bare commands). */
export type HostPayloads = { [M in HostMessage as M["type"]]: M extends { value: infer V } ? V : undefined };
export type HostMessageName = keyof HostPayloads;

/** Everything a client sends, by message name: a player's action and lesson answers, the host's commands. */
export type ClientMessages = { act: ActMessage; design: DesignMessage } & HostPayloads & LessonPayloads;
export type ClientMessage = { [K in keyof ClientMessages]: { type: K; payload: ClientMessages[K] } }[keyof ClientMessages];

/** Sent once on joining: who you are in this room (a player keeps its resume token to come back to its seat). */
export interface WelcomeMessage {
  role: "host" | "player" | "spectator";
  code: string;
  /** Players and spectators. */
  playerId?: string;
  name?: string;
  resumeToken?: string;
  /** The host: the address phones join at. */
  joinUrl?: string;
}

/** "" playing; "nudged" idle for a while although the seat has work; "bot" a bot plays the seat until the person acts again. */
export type IdleState = "" | "nudged" | "bot";

/** A person's seat and what their phone shows of it, sent whenever it changes. */
export interface SeatMessage {
  seat: string;
  team: number;
  role: Role | null;
  actions: PlayerAction[];
  view: SeatView | null;
  /** Always sent by the room (optional for the bots' and tests' own seat details). */
  idle?: IdleState;
}

/** The previous round of the same scenario in this room (naive beside fixed). */
export interface PreviousRound {
  gameId: string;
  variant: string;
  summary: RoundSummary;
}

/** The end of a round as the projector receives it: every team's report and the anomalies with their causes. */
export interface HostRoundOver {
  gameId: string;
  summary: RoundSummary;
  teams: TeamReport[];
  /** The first 500. */
  anomalies: Anomaly[];
  /** Every anomaly of every team grouped by cause code, largest group first (from all anomalies, not the first 500). */
  groups: CauseGroup[];
  /** All anomalies of the round (the groups' counts add up to it). */
  total: number;
  previous: PreviousRound | null;
  /** The lesson topic when the round was played in lesson mode. */
  topic: number | null;
  /** The topic's prediction beside the result, when this round answers it. */
  prediction: PredictionOutcome | null;
  /** A design round's designs and each team's causes; absent for other rounds. */
  design?: DesignResults;
}

/** The end of a round as a player's phone receives it: the team's report and the player's own part. */
export interface PlayerRoundOver {
  gameId: string;
  summary: RoundSummary;
  team: TeamReport | null;
  you: { actions: number; refusals: number; seat: string | null };
  /** The team's place by score, 1-based; teams with the same score share it (0 without a team). */
  rank: number;
  teamCount: number;
  /** The team's largest cause group, null when it had no anomaly. */
  mainCause: CauseGroup | null;
  /** A design round: the team's design score and throughput, which rank the teams (shared/design/score.ts). */
  design?: { score: number; throughputPerMin: number };
}

/** A design round's results beside its teams' reports (the debrief's design table). */
export interface DesignResults {
  /** Index = team: the design each team played. */
  designs: Design[];
  /** The ticks the round was played before its drain: the score's minutes run at least that long (shared/design/score.ts). */
  roundTicks: number;
  /** Index = team: the team's anomalies grouped by cause, largest group first (its first MAX_TEAM_CAUSES groups). */
  causes: CauseGroup[][];
}

export type RoundOverMessage = HostRoundOver | PlayerRoundOver;

export function isHostRoundOver(message: RoundOverMessage): message is HostRoundOver {
  return "teams" in message;
}

/** The engine events the projector draws for its focused team, sent each tick they happen. */
export const DRAWN_EVENT_TYPES = [
  "hop",
  "dropped",
  "crashed",
  "restarted",
  "linkCut",
  "linkHealed",
  "applied",
  "committed",
  "refused",
  "requeued",
  "deduplicated",
  "discarded",
  "skipped",
  "fault",
  "drainStarted",
  "drainEnded",
] as const;
export type DrawnEvent = Extract<Emitted, { type: (typeof DRAWN_EVENT_TYPES)[number] }>;
const DRAWN = new Set<string>(DRAWN_EVENT_TYPES);

export function isDrawn(e: Emitted): e is DrawnEvent {
  return DRAWN.has(e.type);
}

export interface HistoryEntry {
  round: number;
  gameId: string;
  scenario: string;
  variant: string;
  summary: RoundSummary;
  /** The lesson topic when played in lesson mode. */
  topic: number | null;
}

/** The room's rounds so far, oldest first (the last 40): a reloaded projector shows the last debrief and compares rounds. */
export interface RoundHistory {
  rounds: HistoryEntry[];
}

/** Everything the room sends, by message name. */
export interface ServerMessages {
  welcome: WelcomeMessage;
  seat: SeatMessage;
  refused: Refusal;
  roundOver: RoundOverMessage;
  events: DrawnEvent[];
  lessonResults: LessonResults;
  lessonSummary: LessonSummary;
  history: RoundHistory;
  yourAnswer: YourAnswer;
}
export type ServerMessage = { [K in keyof ServerMessages]: { type: K; payload: ServerMessages[K] } }[keyof ServerMessages];

/** A past game as `GET /api/games` lists it (the log store's record of it). */
export interface GameListing {
  gameId: string;
  roomCode: string;
  scenario: string;
  variant: string;
  seed: number;
  teams: number;
  /** ISO 8601. */
  createdAt: string;
  endedAt: string | null;
  summary: Record<string, unknown> | null;
}

export function parseAct(payload: unknown): Parsed<ActMessage> {
  if (payloadSize(payload) > MAX_MESSAGE_BYTES) return { ok: false, code: "tooLarge" };
  if (!isPlainObject(payload)) return bad("an object is expected");
  const extra = onlyKeys(payload, ["action", "token", "msgId", "target", "requeue", "n"]);
  if (extra) return bad(`unexpected field ${extra.slice(0, 20)}`);
  const { action, token, msgId, target, requeue, n } = payload;
  if (!isPlayerAction(action)) return bad("unknown action");
  if (token !== undefined && !isInt(token, 0, 2 ** 31)) return bad("token must be a whole number");
  if (msgId !== undefined && !(isShortString(msgId, 32) && /^[A-Za-z0-9-]+$/.test(msgId))) return bad("msgId");
  if (target !== undefined && !(isShortString(target, 32) && /^[A-Za-z0-9_-]+$/.test(target))) return bad("target");
  if (requeue !== undefined && typeof requeue !== "boolean") return bad("requeue must be true or false");
  if (n !== undefined && !isInt(n, 0, 2 ** 31)) return bad("n");
  const needs: Partial<Record<ActArgument, true>> = PLAYER_ACTION_SPECS[action].needs;
  for (const field of ACT_ARGUMENTS) if (needs[field] && payload[field] === undefined) return bad(`${action} needs a ${field}`);
  const value: ActMessage = { action };
  if (token !== undefined) value.token = token as number;
  if (msgId !== undefined) value.msgId = msgId as string;
  if (target !== undefined) value.target = target as string;
  if (requeue !== undefined) value.requeue = requeue as boolean;
  if (n !== undefined) value.n = n as number;
  return { ok: true, value };
}

/** A design choice: a setting name and a value name, both short words (which ones exist is the session's check). */
export function parseDesign(payload: unknown): Parsed<DesignMessage> {
  if (payloadSize(payload) > MAX_MESSAGE_BYTES) return { ok: false, code: "tooLarge" };
  if (!isPlainObject(payload)) return bad("an object is expected");
  const extra = onlyKeys(payload, ["setting", "value"]);
  if (extra) return bad(`unexpected field ${extra.slice(0, 20)}`);
  const { setting, value } = payload;
  if (!isWord(setting)) return bad("setting");
  if (!isWord(value)) return bad("value");
  return { ok: true, value: { setting, value } };
}

/** Turns a checked action into the engine's command for a seat: the fields its action needs, in their declared order. */
export function toCommand(seat: string, act: ActMessage): Command {
  const command: Record<string, unknown> = { seat, action: act.action };
  for (const field of Object.keys(PLAYER_ACTION_SPECS[act.action].needs) as ActArgument[]) command[field] = act[field];
  return command as Command;
}

const FAULT_KINDS = ["crash", "cut", "dropNextToken", "dropNextAck", "slow", "loss", "diskLoss", "dependencyDown"];

function parseFault(v: unknown): Parsed<Fault> {
  if (!isPlainObject(v) || typeof v.kind !== "string" || !FAULT_KINDS.includes(v.kind)) return bad("fault kind");
  const ticks = v.ticks;
  switch (v.kind) {
    case "crash":
      if (!isShortString(v.node, 8) || !isInt(ticks, 1, 36000)) return bad("crash needs node and ticks");
      return { ok: true, value: { kind: "crash", node: v.node, ticks } };
    case "cut":
      if (!isShortString(v.link, 16) || !isInt(ticks, 1, 36000)) return bad("cut needs link and ticks");
      return { ok: true, value: { kind: "cut", link: v.link, ticks } };
    case "dropNextToken":
    case "dropNextAck":
      if (!isShortString(v.link, 16)) return bad("link");
      return { ok: true, value: { kind: v.kind, link: v.link } };
    case "diskLoss":
    case "dependencyDown":
      if (!isShortString(v.node, 8) || !isInt(ticks, 1, 36000)) return bad(`${v.kind} needs node and ticks`);
      return { ok: true, value: { kind: v.kind, node: v.node, ticks } };
    case "slow":
      if (!isShortString(v.node, 8) || !isInt(ticks, 1, 36000) || !isInt(v.factor, 1, 20)) return bad("slow needs node, factor and ticks");
      return { ok: true, value: { kind: "slow", node: v.node, factor: v.factor, ticks } };
    default:
      if (!isShortString(v.link, 16) || !isInt(ticks, 1, 36000) || typeof v.loss !== "number" || !(v.loss >= 0 && v.loss <= 1))
        return bad("loss needs link, loss and ticks");
      return { ok: true, value: { kind: "loss", link: v.link, loss: v.loss, ticks } };
  }
}

/** Checks a host message's payload; `type` is the message name the client used. */
export function parseHost(type: string, payload: unknown): Parsed<HostMessage> {
  if (payloadSize(payload) > MAX_MESSAGE_BYTES) return { ok: false, code: "tooLarge" };
  const p = payload === undefined || payload === null ? {} : payload;
  if (!isPlainObject(p)) return bad("an object is expected");
  switch (type) {
    case "host:start":
    case "host:pause":
    case "host:resume":
    case "host:end":
      return { ok: true, value: { type } };
    case "host:design": {
      const seconds = p.seconds ?? DESIGN_SECONDS.default;
      const bots = p.bots ?? "naive";
      if (!isInt(seconds, DESIGN_SECONDS.min, DESIGN_SECONDS.max)) return bad(`seconds from ${DESIGN_SECONDS.min} to ${DESIGN_SECONDS.max}`);
      if (bots !== "naive" && bots !== "careful") return bad("bots: naive or careful");
      return { ok: true, value: { type, value: { seconds, bots } } };
    }
    case "host:config": {
      if (!isShortString(p.scenario, 40) || !isShortString(p.variant, 20)) return bad("scenario and variant");
      if (p.seed !== undefined && p.seed !== null && !isInt(p.seed, -(2 ** 31), 2 ** 31 - 1)) return { ok: false, code: "badSeed" };
      if (p.roundSeconds !== undefined && p.roundSeconds !== null && !isInt(p.roundSeconds, 30, 900)) return bad("roundSeconds from 30 to 900");
      if (p.profile !== undefined && p.profile !== null && !isProfileId(p.profile)) return bad("profile: rabbitmq, kafka, sqs, activemq or nats");
      const profile = (p.profile as ProfileId | undefined) ?? null;
      return {
        ok: true,
        value: {
          type,
          value: {
            scenario: p.scenario,
            variant: p.variant,
            seed: (p.seed as number | undefined) ?? null,
            roundSeconds: (p.roundSeconds as number | undefined) ?? null,
            profile,
          },
        },
      };
    }
    case "host:fault": {
      const team = p.team;
      if (team !== "all" && !isInt(team, 0, 199)) return bad("team");
      const fault = parseFault(p.fault);
      if (!fault.ok) return fault;
      return { ok: true, value: { type, value: { team: team as number | "all", fault: fault.value } } };
    }
    case "host:move":
      if (!isShortString(p.player, 32) || !isInt(p.team, 0, 199)) return bad("player and team");
      return { ok: true, value: { type, value: { player: p.player, team: p.team } } };
    case "host:lock":
      if (typeof p.locked !== "boolean") return bad("locked");
      return { ok: true, value: { type, value: { locked: p.locked } } };
    case "host:focus":
      if (!isInt(p.team, 0, 199)) return bad("team");
      return { ok: true, value: { type, value: { team: p.team } } };
    case "host:lesson":
      return parseLessonCommand(p);
    case "host:pin":
      return parsePin(p);
    default:
      return bad("unknown message");
  }
}

/** A display name: trimmed, spaces folded, control characters removed, length-limited. Never markup: the client renders it as text. */
export function cleanName(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  // Strip control and format characters, fold runs of white space.
  const name = raw
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_NAME_LENGTH)
    .trim();
  return name.length > 0 ? name : null;
}

export function normalizeRoomCode(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const code = raw.trim().toUpperCase();
  if (code.length !== ROOM_CODE_LENGTH) return null;
  for (const ch of code) if (!ROOM_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

// The replay's sentences: import problems, anomaly causes, the steps of a followed message,
// each in the reader's language, with ticks as m:ss.
import { isProfileId } from "../../../shared/engine/profiles.js";
import { causeSentence } from "../../../shared/checker/causeSentence.js";
import type { Anomaly } from "../../../shared/checker/checker.js";
import type { FollowStep } from "../../../shared/replay/follow.js";
import { formatTickFine } from "../../../shared/replay/format.js";
import type { ImportProblem } from "../../../shared/replay/importLog.js";
import { currentLocale } from "../i18n/locale.js";
import { t, type ReplayKey } from "../i18n/replayWords.js";

const PACKETS = new Set(["publish", "deliver", "confirm", "ack", "rpc", "reply"]);
const REASONS = new Set([
  "loss",
  "cut",
  "fault",
  "down",
  "ack",
  "autoAck",
  "expired",
  "maxDeliveries",
  "crash",
  "misrouted",
  "timeout",
  "restart",
  "nack",
  "relay",
  "consumerUnavailable",
]);

export function packetWord(kind: string | null): string {
  return kind && PACKETS.has(kind) ? t(`packet_${kind}` as ReplayKey) : (kind ?? "");
}

export function reasonWord(reason: string | null): string {
  return reason && REASONS.has(reason) ? t(`why_${reason}` as ReplayKey) : (reason ?? "");
}

export function teamName(team: number): string {
  return t("replayTeamN", { team: team + 1 });
}

export function problemText(p: ImportProblem): string {
  const vars = { line: p.line ?? "", field: p.field ?? "", found: p.found ?? "", expected: p.expected ?? "", text: p.text };
  if (p.code === "tornLine" || p.code === "otherEngine" || p.code === "noSummary") return t(`replayWarn_${p.code}`, vars);
  return t(`replayErr_${p.code}`, vars);
}

/** The cause of an anomaly in plain words, its ticks as m:ss, in the words of the broker the round ran on (when the log says). */
export function anomalyCause(a: Anomaly, tickMs: number, profile: string | undefined = undefined): string {
  return causeSentence(a.cause, currentLocale(), tickMs, isProfileId(profile) ? profile : null);
}

export function kindWord(kind: Anomaly["kind"]): string {
  return t(`kind_${kind}`);
}

/** One step of a followed message, e.g. "publish P1 → B, arrives 0:12.6". */
export function stepText(step: FollowStep, tickMs: number): string {
  const vars = {
    node: step.node ?? "",
    from: step.from ?? "",
    to: step.to ?? "",
    arrive: step.arrive === null ? "" : formatTickFine(step.arrive, tickMs),
    packet: packetWord(step.packet),
    sub: step.subscription ?? "",
    reason: reasonWord(step.reason),
    type: step.kind,
  };
  const text = t(`step_${step.kind}`, vars);
  return step.kind === "hop" && step.reason === "relay" ? `${text} (${reasonWord("relay")})` : text;
}

// The pipeline canvas's words, on the projector and in the replay viewer: the labels of
// nodes and tiles, and the markers that flag an anomaly or a fault where it happens.
import type { MarkerLabel } from "../../../shared/replay/sceneModel.js";
import type { Text } from "../../../shared/scenarios/texts.js";
import type { SceneLabels } from "../scene/model.js";
import { translator, type Vars } from "./locale.js";
import { brokerTerm, roleName } from "./roles.js";
import { ROUND_WORDS } from "./roundWords.js";

const SCENE_WORDS = {
  bot: { en: "bot", "pt-BR": "bot" },
  down: { en: "DOWN", "pt-BR": "CAIU" },
  queued: { en: "queued", "pt-BR": "na fila" },
  inboxShort: { en: "inbox", "pt-BR": "caixa" },
  toSend: { en: "to send", "pt-BR": "a enviar" },
  lostMarker: { en: "LOST", "pt-BR": "PERDIDA" },
  dupMarker: { en: "DUP", "pt-BR": "DUPLICADA" },
  orderMarker: { en: "#{seq} before #{otherSeq}", "pt-BR": "#{seq} antes de #{otherSeq}" },
  raceMarker: { en: "LOST UPDATE", "pt-BR": "ATUALIZAÇÃO PERDIDA" },
  crashMarker: { en: "CRASH", "pt-BR": "QUEDA" },
  restartMarker: { en: "BACK", "pt-BR": "VOLTOU" },
  dropMarker: { en: "dropped", "pt-BR": "descartada" },
  dedupMarker: { en: "de-duplicated", "pt-BR": "desduplicada" },
  cutMarker: { en: "CUT", "pt-BR": "CORTADO" },
  // The legend of the token kinds (shared/engine: publish, deliver, confirm, ack, rpc, reply).
  token_publish: { en: "publish", "pt-BR": "publicação" },
  token_deliver: { en: "deliver", "pt-BR": "entrega" },
  token_confirm: { en: "broker's ACK", "pt-BR": "ACK do broker" },
  token_ack: { en: "consumer's ACK", "pt-BR": "ACK do consumidor" },
  token_rpc: { en: "direct call", "pt-BR": "chamada direta" },
  token_reply: { en: "reply", "pt-BR": "resposta" },
} satisfies Record<string, Text>;

const TOKEN_KINDS = ["publish", "deliver", "confirm", "ack", "rpc", "reply"] as const;

const t = translator({ ...ROUND_WORDS, ...SCENE_WORDS });

/** The scene's labels in the current language — the broker's node, confirms and acks in the round's broker's words — handed to the canvas. */
export function sceneLabels(): SceneLabels {
  const tokens: Record<string, string> = Object.fromEntries(TOKEN_KINDS.map((kind) => [kind, t(`token_${kind}`)]));
  tokens.confirm = brokerTerm("publishConfirm") ?? tokens.confirm;
  tokens.ack = brokerTerm("ack") ?? tokens.ack;
  return {
    roles: { producer: roleName("producer"), broker: brokerTerm("broker") ?? roleName("broker"), consumer: roleName("consumer") },
    bot: t("bot"),
    down: t("down"),
    queued: t("queued"),
    inbox: t("inboxShort"),
    toSend: t("toSend"),
    team: t("team"),
    score: t("score"),
    tokens,
  };
}

/** A marker's text, e.g. "DUP" or "#3 before #2". */
export function markerText(key: MarkerLabel, vars?: Vars): string {
  return t(key, vars);
}

// The pipeline view's words in the current language (the projector and the replay viewer).
import { roleName, t } from "../i18n.js";
import type { SceneLabels } from "../scene/model.js";

export function sceneLabels(): SceneLabels {
  return {
    roles: { producer: roleName("producer"), broker: roleName("broker"), consumer: roleName("consumer") },
    bot: t("bot"),
    down: t("down"),
    queued: t("queued"),
    inbox: t("inboxShort"),
    toSend: t("toSend"),
    team: t("team"),
    score: t("score"),
  };
}

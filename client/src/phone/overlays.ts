// What covers the phone when it cannot play: the round paused by the instructor, the
// connection lost (the seat is kept), or lost for good. And the short toast a refusal or a
// greyed-out button leaves for two seconds.
import { h } from "../dom.js";
import { t } from "../i18n/phoneWords.js";
import type { Status } from "../connection.js";

export type OverlayKind = "paused" | "reconnecting" | "disconnected";

/** The overlay for this moment, if any: losing the connection outranks a pause. */
export function overlayKind(status: Status, phase: string): OverlayKind | null {
  if (status === "reconnecting" || status === "connecting") return "reconnecting";
  if (status === "disconnected") return "disconnected";
  return phase === "paused" ? "paused" : null;
}

export function overlay(kind: OverlayKind): HTMLElement {
  const body =
    kind === "paused"
      ? [h("div", { class: "pause-icon", "aria-hidden": "true" }), h("h2", {}, t("pausedTitle")), h("p", {}, t("pausedText"))]
      : kind === "reconnecting"
        ? [h("div", { class: "spinner", "aria-hidden": "true" }), h("h2", {}, t("reconnecting")), h("p", {}, t("reconnectingText"))]
        : [h("h2", {}, t("disconnected")), h("button", { class: "primary big", type: "button", onclick: () => location.reload() }, t("reload"))];
  return h("div", { class: `overlay ${kind}`, testid: `overlay-${kind}`, role: "alertdialog", "aria-live": "assertive" }, ...body);
}

/** One line at a time, gone after `ms`; a newer one replaces it at once. */
export class Toast {
  readonly el = h("p", { class: "toast", role: "status", testid: "refusal", hidden: true });
  private timer = 0;

  show(text: string, ms = 2000): void {
    this.el.textContent = text;
    this.el.hidden = false;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => (this.el.hidden = true), ms);
  }
}

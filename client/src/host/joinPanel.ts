// How to join, as the class reads it from the back of the room: the address (host:port, in
// one unbroken piece), the room code huge, and the QR code for those who prefer it.
import { h } from "../dom.js";
import { t } from "../i18n/hostWords.js";
import { joinAddress } from "./joinAddress.js";
import { hostPage } from "./pageState.js";
import { qrSvg } from "./qr.js";

/** The QR code is drawn once per address: re-renders reuse it. */
let drawnQr: { url: string; svg: SVGSVGElement } | null = null;

function qr(url: string): SVGSVGElement {
  if (drawnQr?.url !== url) drawnQr = { url, svg: qrSvg(url, 320) };
  return drawnQr.svg;
}

export function joinPanel(): HTMLElement {
  const { roomCode, joinUrl } = hostPage();
  const address = joinAddress(joinUrl, roomCode, location.origin);
  return h(
    "section",
    { class: "join-panel", "aria-label": t("joinOnPhone") },
    h("p", { class: "join-step" }, t("joinOnPhone")),
    h("p", { class: "join-address", testid: "join-address" }, address.address),
    h("p", { class: "join-step" }, t("roomCodeLabel")),
    h("div", { class: "room-code", testid: "room-code" }, address.code),
    h("div", { class: "qr" }, qr(address.url)),
  );
}

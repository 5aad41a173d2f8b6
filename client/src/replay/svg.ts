// A tiny SVG element builder, the twin of dom.ts's h(): text is always set as text.
const NS = "http://www.w3.org/2000/svg";

export type SvgChild = SVGElement | string | null | undefined | false;

export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | ((e: Event) => void)> = {},
  ...children: SvgChild[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

/** A tooltip (and accessible name) for an SVG shape. */
export function title(text: string): SVGTitleElement {
  return s("title", {}, text);
}

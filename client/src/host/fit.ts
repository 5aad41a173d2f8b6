// Fitting a panel of unknown length (one row or card per team) into the projector's screen,
// which never scrolls: its type shrinks, step by step, until its content fits its box.

/** Shrinks `el`'s font size (from its stylesheet's) until nothing overflows it, down to `minPx`. */
export function shrinkToFit(el: HTMLElement | null, minPx = 9): void {
  if (!el || !el.isConnected) return;
  el.style.fontSize = "";
  let size = parseFloat(getComputedStyle(el).fontSize);
  while (el.scrollHeight > el.clientHeight + 1 && size > minPx) {
    size = Math.max(minPx, size * 0.92);
    el.style.fontSize = `${size}px`;
  }
}

/** Fits `el` once it is on the page, and again whenever the window changes size. */
export function keepFitted(el: HTMLElement, minPx = 9): void {
  const fit = () => (el.isConnected ? shrinkToFit(el, minPx) : removeEventListener("resize", fit));
  requestAnimationFrame(fit);
  addEventListener("resize", fit);
}

// Short-lived labels where something happened (LOST, DUP, "#3 before #2", a crash): each
// pops in, stays a few seconds, fades, and never covers another label still on screen.

import type Phaser from "phaser";
import type { Marker } from "./model.js";
import type { Point, Rect } from "./layout.js";
import { placeLabel } from "./markerPlacement.js";
import { FONT_FAMILY, css, markerStyles } from "./palette.js";

const POP_MS = 260;
const HOLD_MS = 3200;
const FADE_MS = 800;
/** More markers than this at once and the oldest goes early. */
const MAX_LIVE = 24;

interface LiveMarker {
  text: Phaser.GameObjects.Text;
  rect: Rect;
  bornMs: number;
}

export class MarkerLayer {
  private readonly live: LiveMarker[] = [];
  private readonly spare: Phaser.GameObjects.Text[] = [];
  private scale = 1;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {}

  setScale(scale: number): void {
    this.scale = scale;
  }

  get count(): number {
    return this.live.length;
  }

  add(marker: Marker, anchor: Point, bounds: Rect, nowMs: number): void {
    if (this.live.length >= MAX_LIVE) this.release(0);
    const style = markerStyles[marker.kind] ?? { glyph: "•", colour: 0x555555 };
    const text = this.take();
    const s = this.scale;
    text.setStyle({
      fontFamily: FONT_FAMILY,
      fontSize: `${Math.round(24 * s)}px`,
      fontStyle: "bold",
      color: "#ffffff",
      backgroundColor: css(style.colour),
      padding: { left: 10 * s, right: 10 * s, top: 5 * s, bottom: 5 * s },
    });
    text.setText(`${style.glyph} ${marker.text}`);
    const size = { w: text.width, h: text.height };
    const rect = placeLabel(
      anchor,
      size,
      this.live.map((m) => m.rect),
      bounds,
      4 * s,
    );
    text
      .setPosition(rect.x + rect.w / 2, rect.y + rect.h / 2)
      .setScale(0.4)
      .setAlpha(1)
      .setVisible(true);
    this.live.push({ text, rect, bornMs: nowMs });
  }

  update(nowMs: number): void {
    for (let i = this.live.length - 1; i >= 0; i--) {
      const marker = this.live[i]!;
      const age = nowMs - marker.bornMs;
      if (age >= POP_MS + HOLD_MS + FADE_MS) {
        this.release(i);
        continue;
      }
      if (age < POP_MS) {
        marker.text.setScale(0.4 + 0.6 * easeOutBack(age / POP_MS));
      } else if (marker.text.scaleX !== 1) {
        marker.text.setScale(1);
      }
      const fading = age - POP_MS - HOLD_MS;
      if (fading > 0) marker.text.setAlpha(1 - fading / FADE_MS);
    }
  }

  clear(): void {
    while (this.live.length > 0) this.release(this.live.length - 1);
  }

  destroy(): void {
    this.clear();
    for (const text of this.spare) text.destroy();
    this.spare.length = 0;
  }

  private take(): Phaser.GameObjects.Text {
    const text = this.spare.pop() ?? this.scene.add.text(0, 0, "").setOrigin(0.5).setDepth(this.depth);
    return text;
  }

  private release(index: number): void {
    const [marker] = this.live.splice(index, 1);
    if (!marker) return;
    marker.text.setVisible(false);
    this.spare.push(marker.text);
  }
}

function easeOutBack(t: number): number {
  const c1 = 1.70158;
  const c3 = c1 + 1;
  return 1 + c3 * Math.pow(t - 1, 3) + c1 * Math.pow(t - 1, 2);
}

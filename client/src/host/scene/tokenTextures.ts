// The token sprites, drawn once per scale into one canvas texture: a frame per kind, and a
// "dropped" frame per kind (the same shape, faded, under a red cross).

import type Phaser from "phaser";
import { TOKEN_KINDS, colours, css, tokenStyle } from "./palette.js";

export interface TokenFrames {
  key: string;
  /** Frame names by kind; unknown kinds use `fallback`. */
  normal: Map<string, string>;
  dropped: Map<string, string>;
  fallback: { normal: string; dropped: string };
  /** Half the side of each (square) frame, by frame name: frames are as tight as their
   *  shape, since with a software renderer every pixel of a quad costs, even a clear one. */
  half: Map<string, number>;
}

let textureSerial = 0;

/** Token radius in pixels at a given scene scale (1 at 1080p). */
export function tokenRadius(scale: number): number {
  return Math.max(4.5, 8 * scale);
}

/** Outline width of a token, in pixels. */
function outlineOf(radius: number): number {
  return Math.max(1.5, radius * 0.22);
}

/** Half the side of the smallest square that holds the token's drawing. */
function halfExtent(kind: string, radius: number, dropped: boolean): number {
  const reach = dropped ? radius * 1.25 + radius * 0.375 : radius * (tokenStyle(kind).shape === "diamond" ? 1.2 : 1);
  return Math.ceil(reach + outlineOf(radius) / 2 + 1);
}

export function createTokenTextures(scene: Phaser.Scene, scale: number): TokenFrames {
  const radius = tokenRadius(scale);
  const kinds = [...TOKEN_KINDS, "?"];
  const slot = 2 * halfExtent("?", radius, true) + 2;
  const key = `tokens-${++textureSerial}`;
  const texture = scene.textures.createCanvas(key, slot * kinds.length, slot * 2);
  if (!texture) throw new Error("could not create the token texture");
  const ctx = texture.getContext();
  const frames: TokenFrames = {
    key,
    normal: new Map(),
    dropped: new Map(),
    fallback: { normal: "", dropped: "" },
    half: new Map(),
  };
  kinds.forEach((kind, column) => {
    for (const dropped of [false, true]) {
      const half = halfExtent(kind, radius, dropped);
      const cx = column * slot + slot / 2;
      const cy = (dropped ? slot : 0) + slot / 2;
      drawToken(ctx, kind, cx, cy, radius, dropped);
      const name = `${kind}${dropped ? ":dropped" : ""}`;
      texture.add(name, 0, cx - half, cy - half, half * 2, half * 2);
      frames.half.set(name, half);
      if (kind === "?") {
        if (dropped) frames.fallback.dropped = name;
        else frames.fallback.normal = name;
      } else {
        (dropped ? frames.dropped : frames.normal).set(kind, name);
      }
    }
  });
  texture.refresh();
  return frames;
}

function drawToken(
  ctx: CanvasRenderingContext2D,
  kind: string,
  cx: number,
  cy: number,
  radius: number,
  dropped: boolean,
): void {
  const style = tokenStyle(kind);
  ctx.save();
  ctx.globalAlpha = dropped ? 0.55 : 1;
  ctx.beginPath();
  if (style.shape === "circle") {
    ctx.arc(cx, cy, radius, 0, Math.PI * 2);
  } else {
    const r = radius * 1.2;
    ctx.moveTo(cx, cy - r);
    ctx.lineTo(cx + r, cy);
    ctx.lineTo(cx, cy + r);
    ctx.lineTo(cx - r, cy);
    ctx.closePath();
  }
  ctx.fillStyle = css(style.colour);
  ctx.fill();
  ctx.lineWidth = outlineOf(radius);
  ctx.strokeStyle = css(colours.background);
  ctx.stroke();
  ctx.restore();
  if (dropped) {
    const arm = radius * 1.25;
    ctx.save();
    ctx.lineCap = "round";
    ctx.strokeStyle = css(colours.background);
    ctx.lineWidth = radius * 0.75;
    crossPath(ctx, cx, cy, arm);
    ctx.stroke();
    ctx.strokeStyle = css(colours.cross);
    ctx.lineWidth = radius * 0.42;
    crossPath(ctx, cx, cy, arm);
    ctx.stroke();
    ctx.restore();
  }
}

function crossPath(ctx: CanvasRenderingContext2D, cx: number, cy: number, arm: number): void {
  ctx.beginPath();
  ctx.moveTo(cx - arm, cy - arm);
  ctx.lineTo(cx + arm, cy + arm);
  ctx.moveTo(cx + arm, cy - arm);
  ctx.lineTo(cx - arm, cy + arm);
}

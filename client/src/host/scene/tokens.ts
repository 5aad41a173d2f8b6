// Tokens in flight on the focused team's links. One Blitter holds every token as a Bob
// (a position, a frame and an alpha: no per-object transform, no per-object draw call),
// and bobs are pooled, so 2,000 tokens cost one batched draw and one loop a frame.

import type Phaser from "phaser";
import type { TokenFlight } from "./model.js";
import { flightProgress } from "./clock.js";
import type { Lane, Point } from "./layout.js";
import { createTokenTextures, type TokenFrames } from "./tokenTextures.js";
import { tokenStyle } from "./palette.js";

/** How long a dropped token stays on screen, fading, before it is removed. */
export const DROP_FADE_MS = 1500;

interface Flight {
  token: number;
  link: string;
  kind: string;
  sentTick: number;
  arriveTick: number;
  bob: Phaser.GameObjects.Bob;
  /** Half the side of the bob's frame: bobs are placed by their top-left corner. */
  half: number;
  lane: Lane | undefined;
  laneVersion: number;
  /** NaN while flying; when dropped, the time it was dropped. */
  droppedAtMs: number;
}

export type LaneLookup = (link: string) => Lane | undefined;

export class TokenLayer {
  private frames: TokenFrames;
  private blitter: Phaser.GameObjects.Blitter;
  private readonly flights: Flight[] = [];
  private readonly byToken = new Map<number, Flight>();
  private readonly spareBobs: Phaser.GameObjects.Bob[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    scale: number,
    private readonly depth: number,
  ) {
    this.frames = createTokenTextures(scene, scale);
    this.blitter = scene.add.blitter(0, 0, this.frames.key).setDepth(depth);
  }

  get count(): number {
    return this.flights.length;
  }

  /** New token sprites for a new scale; the flights in the air carry over. */
  rescale(scale: number): void {
    const old = this.frames.key;
    this.frames = createTokenTextures(this.scene, scale);
    this.blitter.destroy();
    this.spareBobs.length = 0;
    this.blitter = this.scene.add.blitter(0, 0, this.frames.key).setDepth(this.depth);
    for (let i = this.flights.length - 1; i >= 0; i--) {
      const flight = this.flights[i]!;
      if (!Number.isNaN(flight.droppedAtMs)) {
        this.byToken.delete(flight.token);
        this.flights[i] = this.flights[this.flights.length - 1]!;
        this.flights.pop();
      }
    }
    for (const flight of this.flights) {
      const frame = this.frameOf(flight.kind, !Number.isNaN(flight.droppedAtMs));
      flight.bob = this.blitter.create(0, 0, frame, false);
      flight.half = this.frames.half.get(frame)!;
      flight.laneVersion = -1;
    }
    this.scene.textures.remove(old);
  }

  add(flights: readonly TokenFlight[]): void {
    for (const input of flights) {
      const existing = this.byToken.get(input.token);
      if (existing) {
        existing.sentTick = input.sentTick;
        existing.arriveTick = input.arriveTick;
        continue;
      }
      const frame = this.frameOf(input.kind, false);
      const flight: Flight = {
        token: input.token,
        link: input.link,
        kind: input.kind,
        sentTick: input.sentTick,
        arriveTick: input.arriveTick,
        bob: this.takeBob(frame),
        half: this.frames.half.get(frame)!,
        lane: undefined,
        laneVersion: -1,
        droppedAtMs: Number.NaN,
      };
      this.flights.push(flight);
      this.byToken.set(flight.token, flight);
    }
  }

  /**
   * Stops a token where it is drawn and fades it out under a cross. A token we never saw
   * fly (discarded at a node) gets the same cross at `where`.
   */
  drop(token: number, kind: string, nowMs: number, where: Point | undefined): void {
    let flight = this.byToken.get(token);
    if (!flight) {
      if (!where) return;
      const frame = this.frameOf(kind, true);
      const half = this.frames.half.get(frame)!;
      flight = {
        token,
        link: "",
        kind,
        sentTick: 0,
        arriveTick: 0,
        bob: this.takeBob(frame),
        half,
        lane: undefined,
        laneVersion: -1,
        droppedAtMs: nowMs,
      };
      flight.bob.x = where.x - half;
      flight.bob.y = where.y - half;
      flight.bob.visible = true;
      this.flights.push(flight);
      this.byToken.set(token, flight);
      return;
    }
    if (!Number.isNaN(flight.droppedAtMs)) return;
    flight.droppedAtMs = nowMs;
    const frame = this.frameOf(flight.kind, true);
    const half = this.frames.half.get(frame)!;
    flight.bob.setFrame(frame);
    flight.bob.x += flight.half - half;
    flight.bob.y += flight.half - half;
    flight.half = half;
  }

  /** Moves every token to `tick`, fades dropped ones, and retires the ones that arrived. */
  private gfx: Phaser.GameObjects.Graphics | undefined;
  update(tick: number, nowMs: number, laneOf: LaneLookup, laneVersion: number): void {
    const flights = this.flights;
    const useGfx = location.search.includes("gfx=1");
    if (useGfx && !this.gfx) { this.gfx = this.scene.add.graphics().setDepth(this.depth); this.blitter.setVisible(false); }
    const g = this.gfx; if (g) g.clear();
    const r = 8; const oct: number[] = []; for (let k = 0; k < 8; k++) { oct.push(Math.cos(k * Math.PI / 4) * r, Math.sin(k * Math.PI / 4) * r); }
    for (let i = flights.length - 1; i >= 0; i--) {
      const flight = flights[i]!;
      const bob = flight.bob;
      if (!Number.isNaN(flight.droppedAtMs)) {
        const fade = 1 - (nowMs - flight.droppedAtMs) / DROP_FADE_MS;
        if (fade <= 0) this.retire(i);
        else bob.alpha = fade;
        continue;
      }
      const t = flightProgress(flight.sentTick, flight.arriveTick, tick);
      if (t >= 1) {
        this.retire(i);
        continue;
      }
      if (flight.laneVersion !== laneVersion) {
        flight.lane = laneOf(flight.link);
        flight.laneVersion = laneVersion;
      }
      const lane = flight.lane;
      if (!lane) {
        if (bob.visible) bob.visible = false;
        continue;
      }
      bob.x = lane.x1 + (lane.x2 - lane.x1) * t - flight.half;
      bob.y = lane.y1 + (lane.y2 - lane.y1) * t - flight.half;
      if (g) {
        const x = bob.x + flight.half, y = bob.y + flight.half;
        const st = tokenStyle(flight.kind);
        g.fillStyle(st.colour, 1);
        if (st.shape === "diamond") { g.fillTriangle(x, y - 10, x + 10, y, x, y + 10); g.fillTriangle(x, y - 10, x - 10, y, x, y + 10); }
        else for (let k = 1; k < 7; k++) g.fillTriangle(x + oct[0]!, y + oct[1]!, x + oct[2 * k]!, y + oct[2 * k + 1]!, x + oct[2 * k + 2]!, y + oct[2 * k + 3]!);
      }
      if (!bob.visible) bob.visible = true;
    }
  }

  /** Where a token is drawn right now, if it is on screen. */
  positionOf(token: number): Point | undefined {
    const flight = this.byToken.get(token);
    if (!flight || !flight.bob.visible) return undefined;
    return { x: flight.bob.x + flight.half, y: flight.bob.y + flight.half };
  }

  clear(): void {
    for (let i = this.flights.length - 1; i >= 0; i--) this.retire(i);
  }

  destroy(): void {
    this.flights.length = 0;
    this.byToken.clear();
    this.blitter.destroy();
    this.scene.textures.remove(this.frames.key);
  }

  private frameOf(kind: string, dropped: boolean): string {
    const names = dropped ? this.frames.dropped : this.frames.normal;
    return names.get(kind) ?? (dropped ? this.frames.fallback.dropped : this.frames.fallback.normal);
  }

  private takeBob(frame: string): Phaser.GameObjects.Bob {
    const bob = this.spareBobs.pop();
    if (!bob) return this.blitter.create(0, 0, frame, false);
    bob.setFrame(frame);
    bob.alpha = 1;
    return bob;
  }

  /** Swap-remove: order in the array does not matter, and removal stays O(1). */
  private retire(index: number): void {
    const flights = this.flights;
    const flight = flights[index]!;
    const last = flights.pop()!;
    if (last !== flight) flights[index] = last;
    if (this.byToken.get(flight.token) === flight) this.byToken.delete(flight.token);
    flight.bob.visible = false;
    this.spareBobs.push(flight.bob);
  }
}

// Tokens in flight on the focused team's links, all drawn into one Graphics redrawn each
// frame: as flat triangles with WebGL (see flatShapes.ts for why not sprites), as one path
// per colour with the canvas renderer (a 2D canvas fills one path of 2,000 circles far
// faster than 12,000 separate triangles). Flights live in a flat array with swap-removal
// and a map by token id: no game object per token.

import type Phaser from "phaser";
import type { TokenFlight } from "./model.js";
import { flightProgress } from "./clock.js";
import type { Lane, Point } from "./layout.js";
import { colours, tokenStyle, type TokenShape } from "./palette.js";
import { crossTriangles, fillTriangles, tokenRadius, tokenTriangles } from "./flatShapes.js";

/** How long a dropped token stays on screen, fading, before it is removed. */
export const DROP_FADE_MS = 1500;

interface Flight {
  token: number;
  link: string;
  shape: TokenShape;
  colour: number;
  sentTick: number;
  arriveTick: number;
  lane: Lane | undefined;
  laneVersion: number;
  /** Centre where it was last drawn; NaN before that. */
  x: number;
  y: number;
  /** NaN while flying; when dropped, the time it was dropped. */
  droppedAtMs: number;
}

export type LaneLookup = (link: string) => Lane | undefined;

export class TokenLayer {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly flights: Flight[] = [];
  private readonly byToken = new Map<number, Flight>();
  private readonly scratch: number[] = [];
  private readonly colours = new Set<number>();
  private radius: number;

  /** `paths`: draw each colour as one path (the canvas renderer) rather than as triangles (WebGL). */
  constructor(
    scene: Phaser.Scene,
    scale: number,
    depth: number,
    private readonly paths = false,
  ) {
    this.graphics = scene.add.graphics().setDepth(depth);
    this.radius = tokenRadius(scale);
  }

  get count(): number {
    return this.flights.length;
  }

  rescale(scale: number): void {
    this.radius = tokenRadius(scale);
  }

  add(flights: readonly TokenFlight[]): void {
    for (const input of flights) {
      const existing = this.byToken.get(input.token);
      if (existing) {
        existing.sentTick = input.sentTick;
        existing.arriveTick = input.arriveTick;
        continue;
      }
      const style = tokenStyle(input.kind);
      const flight: Flight = {
        token: input.token,
        link: input.link,
        shape: style.shape,
        colour: style.colour,
        sentTick: input.sentTick,
        arriveTick: input.arriveTick,
        lane: undefined,
        laneVersion: -1,
        x: Number.NaN,
        y: Number.NaN,
        droppedAtMs: Number.NaN,
      };
      this.flights.push(flight);
      this.byToken.set(flight.token, flight);
    }
  }

  /**
   * Stops a token where it is drawn and fades it out under a cross. A token never drawn
   * (discarded at a node, or not yet on screen) gets the same cross at `where`.
   */
  drop(token: number, nowMs: number, where: Point | undefined): void {
    const flight = this.byToken.get(token);
    if (flight && !Number.isNaN(flight.droppedAtMs)) return;
    if (flight && !Number.isNaN(flight.x)) {
      flight.droppedAtMs = nowMs;
      return;
    }
    if (flight) this.retire(this.flights.indexOf(flight));
    if (!where) return;
    const ghost: Flight = {
      token,
      link: "",
      shape: "circle",
      colour: 0xffffff,
      sentTick: 0,
      arriveTick: 0,
      lane: undefined,
      laneVersion: -1,
      x: where.x,
      y: where.y,
      droppedAtMs: nowMs,
    };
    this.flights.push(ghost);
    this.byToken.set(token, ghost);
  }

  /** Moves every token to `tick`, fades dropped ones, retires arrivals, and redraws. */
  update(tick: number, nowMs: number, laneOf: LaneLookup, laneVersion: number): void {
    const flights = this.flights;
    const g = this.graphics;
    const tris = this.scratch;
    const radius = this.radius;
    g.clear();
    let colour = -1;
    let flying = 0;
    for (let i = flights.length - 1; i >= 0; i--) {
      const flight = flights[i]!;
      if (!Number.isNaN(flight.droppedAtMs)) {
        if (nowMs - flight.droppedAtMs >= DROP_FADE_MS) this.retire(i);
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
        flight.x = Number.NaN;
        continue;
      }
      flight.x = lane.x1 + (lane.x2 - lane.x1) * t;
      flight.y = lane.y1 + (lane.y2 - lane.y1) * t;
      flying += 1;
      if (this.paths) continue;
      if (flight.colour !== colour) {
        colour = flight.colour;
        g.fillStyle(colour, 1);
      }
      tris.length = 0;
      tokenTriangles(flight.shape, flight.x, flight.y, radius, tris);
      fillTriangles(g, tris);
    }
    if (this.paths && flying > 0) this.fillPaths(g, radius);
    // Dropped tokens on top, so their cross is never hidden by the traffic.
    for (const flight of flights) {
      if (Number.isNaN(flight.droppedAtMs)) continue;
      const fade = 1 - (nowMs - flight.droppedAtMs) / DROP_FADE_MS;
      tris.length = 0;
      tokenTriangles(flight.shape, flight.x, flight.y, radius, tris);
      g.fillStyle(flight.colour, 0.7 * fade);
      fillTriangles(g, tris);
      tris.length = 0;
      crossTriangles(flight.x, flight.y, radius * 1.9, radius * 1.15, tris);
      g.fillStyle(colours.background, fade);
      fillTriangles(g, tris);
      tris.length = 0;
      crossTriangles(flight.x, flight.y, radius * 1.7, radius * 0.6, tris);
      g.fillStyle(colours.cross, fade);
      fillTriangles(g, tris);
    }
  }

  /** Every flying token of a colour in one path, filled once: circles as arcs, acknowledgements as diamonds. */
  private fillPaths(g: Phaser.GameObjects.Graphics, radius: number): void {
    const colours = this.colours;
    colours.clear();
    for (const flight of this.flights) if (Number.isNaN(flight.droppedAtMs) && !Number.isNaN(flight.x)) colours.add(flight.colour);
    const d = radius * 1.2;
    for (const colour of colours) {
      g.fillStyle(colour, 1);
      g.beginPath();
      for (const flight of this.flights) {
        if (flight.colour !== colour || !Number.isNaN(flight.droppedAtMs) || Number.isNaN(flight.x)) continue;
        const { x, y } = flight;
        if (flight.shape === "diamond") {
          g.moveTo(x, y - d);
          g.lineTo(x + d, y);
          g.lineTo(x, y + d);
          g.lineTo(x - d, y);
          // Back to the start rather than closePath(): Chromium's closePath costs time that grows with the path.
          g.lineTo(x, y - d);
        } else {
          g.moveTo(x + radius, y);
          g.arc(x, y, radius, 0, 2 * Math.PI);
        }
      }
      g.fillPath();
    }
  }

  clear(): void {
    this.flights.length = 0;
    this.byToken.clear();
    this.graphics.clear();
  }

  destroy(): void {
    this.clear();
    this.graphics.destroy();
  }

  /** Swap-remove: order in the array does not matter, and removal stays O(1). */
  private retire(index: number): void {
    if (index < 0) return;
    const flights = this.flights;
    const flight = flights[index]!;
    const last = flights.pop()!;
    if (last !== flight) flights[index] = last;
    if (this.byToken.get(flight.token) === flight) this.byToken.delete(flight.token);
  }
}

// Benchmark page for the pipeline canvas: 1920×1080, N teams in the overview, a
// focused team (2 producers, broker, 3 consumers) with ~T tokens kept in flight, the room
// clock at 10 ticks/s, periodic drops and markers, the other teams' packets in flight and
// queues changing as often as the room sends them. Query: ?tokens=2000&teams=40&warmup=1&seconds=5
// (&lang=pt for the pt-BR labels, &rpc=1 for a team without broker, &size=WxH to follow
// the parent's size instead of a fixed 1920×1080, &renderer=webgl|canvas to force one).
// Writes { frames, p50, p95, p99, fps, ... } to window.__benchResult.

import { createPipelineCanvas } from "../src/scene/createPipelineCanvas.js";
import type { PipelineCanvas, TeamModel } from "../src/scene/model.js";
import { detectRenderProfile, rendererFor, type RendererChoice } from "../src/scene/renderProfile.js";
import { FlightSource, liveLinks, makeRpcTeam, makeTeam, markerSample, seededRandom } from "./synthetic.js";

export interface BenchResult {
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  fps: number;
  /** Main-thread time spent in the frame before the recorder ran (update + render submit). */
  mainP50: number;
  mainP95: number;
  tokensInFlight: number;
  teams: number;
  /** The WebGL renderer was a software one (SwiftShader in headless Chromium). */
  softwareRenderer: boolean;
  /** What Phaser drew with: "webgl" or "canvas" (?renderer=webgl|canvas|auto, auto by default). */
  renderer: string;
}

declare global {
  interface Window {
    __benchResult?: BenchResult;
    __benchError?: string;
    /** The view under test, to poke at from the console or a browser test. */
    __pipelineCanvas?: PipelineCanvas;
  }
}

const TICK_MS = 100;
const FOCUSED_TEAM = 7;

const params = new URLSearchParams(location.search);
const tokenTarget = Number(params.get("tokens") ?? 2000);
const teamCount = Number(params.get("teams") ?? 40);
const warmupMs = Number(params.get("warmup") ?? 1) * 1000;
const recordMs = Number(params.get("seconds") ?? 5) * 1000;
const withMarkers = params.get("markers") !== "0";
/** Ticks between two overview updates (the room sends one every tick). */
const overviewEvery = Math.max(1, Number(params.get("overviewEvery") ?? 1));
const rendererChoice = (params.get("renderer") ?? "auto") as RendererChoice;

async function main(): Promise<void> {
  const random = seededRandom(42);
  const parent = document.getElementById("view")!;
  // ?size=WxH: no fixed design size; the canvas follows its parent (RESIZE), and
  // ?resizeTo=WxH resizes the parent after a second, to check the relayout.
  const size = params.get("size")?.split("x").map(Number);
  if (size) Object.assign(parent.style, { width: `${size[0]}px`, height: `${size[1]}px` });
  const view = await createPipelineCanvas(parent, size ? { renderer: rendererChoice } : { width: 1920, height: 1080, renderer: rendererChoice });
  window.__pipelineCanvas = view;
  const resizeTo = params.get("resizeTo")?.split("x").map(Number);
  if (resizeTo) {
    setTimeout(() => Object.assign(parent.style, { width: `${resizeTo[0]}px`, height: `${resizeTo[1]}px` }), 1000);
  }

  const teams: TeamModel[] = [];
  for (let team = 1; team <= teamCount; team++) teams.push(makeTeam(team, random));
  const focusedNumber = Math.min(FOCUSED_TEAM, teamCount);
  // ?rpc=1: the focused team calls its consumers directly (no broker).
  const rpc = params.get("rpc") === "1";
  const focused = (rpc ? makeRpcTeam : makeTeam)(focusedNumber, seededRandom(7));
  focused.nodes.find((n) => n.id === "C3")!.up = false;
  focused.nodes.find((n) => n.id === "C3")!.load = 4;
  focused.links.find((l) => l.id === (rpc ? "P1>C2" : "B>C2"))!.cut = true;
  focused.lost = 2;
  focused.duplicated = 1;
  focused.misordered = 1;
  teams[focusedNumber - 1] = focused;

  if (params.get("lang") === "pt") {
    view.setLabels({
      roles: { producer: "produtor", broker: "broker", consumer: "consumidor" },
      bot: "robô",
      down: "fora do ar",
      queued: "na fila",
      inbox: "caixa",
      toSend: "a enviar",
      tokens: { publish: "publicação", deliver: "entrega", confirm: "confirmação" },
      team: "Equipe",
      score: "Pontos",
    });
  }
  view.setClock(0, TICK_MS);
  view.setFocused(focused);
  view.setOverview(teams);
  view.onTeamClicked((team) => console.log(`team ${team} clicked`));

  const flights = new FlightSource(random, liveLinks(focused), tokenTarget);
  let tick = 0;
  view.addFlights(flights.refill(tick, true));

  setInterval(() => {
    tick += 1;
    view.setClock(tick, TICK_MS);
    const added = flights.refill(tick, false);
    if (added.length > 0) view.addFlights(added);
    if (tokenTarget > 0 && tick % 5 === 0) {
      const victim = flights.pick();
      if (victim) {
        view.dropFlight(victim.token, victim.link, tick);
        flights.forget(victim.token);
      }
    }
    if (withMarkers && tick % 7 === 0) view.addMarker(markerSample(tick / 7, tick));
    // As the room sends them: packets in flight twice a second, node loads five times.
    for (const team of teams) {
      if (tick % 5 === 0) for (const link of team.links) link.flying = link.cut ? 0 : Math.floor(random() * 6);
      if (tick % 2 === 0 && team !== focused)
        for (const node of team.nodes) if (node.role === "broker") node.load = Math.max(0, node.load + Math.round(random() * 4 - 2));
      if (random() < 0.1) team.score += 1;
    }
    for (const node of focused.nodes) if (node.up) node.load = Math.max(0, node.load + Math.round(random() * 2 - 1));
    view.setFocused(focused);
    if (tick % overviewEvery === 0) view.setOverview(teams);
  }, TICK_MS);

  window.__benchResult = await record(() => flights.count, teams.length);
}

function record(tokensNow: () => number, teams: number): Promise<BenchResult> {
  return new Promise((resolve) => {
    const deltas: number[] = [];
    const mains: number[] = [];
    let tokenSamples = 0;
    let tokenSum = 0;
    let started = -1;
    let last = -1;
    const begin = performance.now();
    const frame = (time: number) => {
      const now = performance.now();
      if (now - begin >= warmupMs) {
        if (started < 0) started = now;
        else {
          deltas.push(time - last);
          mains.push(now - time);
          tokenSum += tokensNow();
          tokenSamples += 1;
        }
      }
      last = time;
      if (started >= 0 && now - started >= recordMs) {
        const elapsed = (now - started) / 1000;
        resolve({
          frames: deltas.length,
          p50: percentile(deltas, 50),
          p95: percentile(deltas, 95),
          p99: percentile(deltas, 99),
          fps: round(deltas.length / elapsed),
          mainP50: percentile(mains, 50),
          mainP95: percentile(mains, 95),
          tokensInFlight: Math.round(tokenSum / Math.max(1, tokenSamples)),
          teams,
          softwareRenderer: detectRenderProfile()?.software ?? false,
          renderer: rendererFor(rendererChoice, detectRenderProfile()?.software),
        });
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[index]!);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  window.__benchError = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
});

// Hostile input while a normal round goes on: real SDK clients send every message type
// with random, malformed, oversized, out-of-role and out-of-turn payloads, replays and
// floods. Nothing escapes, the room and the round continue, the log stays parseable and
// the checker and the replay agree with it. A failure prints the fast-check seed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { check, summaryOf } from "../shared/checker/checker.js";
import { parseLog } from "../shared/log/log.js";
import { resimulate } from "../shared/log/resimulate.js";
import { seatBotAction } from "../shared/bots/seatBot.js";
import { createRoom, fetchLog, join, startInProcess, until, type Recorder, type Running } from "./helpers/servers.js";

let server: Running;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server.close();
});

const TYPES = [
  "act",
  "host:config",
  "host:start",
  "host:pause",
  "host:resume",
  "host:end",
  "host:fault",
  "host:move",
  "host:lock",
  "host:focus",
  "seat",
  "welcome",
  "",
  "x".repeat(300),
  "__proto__",
  "constructor",
];
const ACTIONS = [
  "send",
  "retry",
  "saveDb",
  "publish",
  "commitOutbox",
  "route",
  "confirm",
  "persist",
  "process",
  "ack",
  "check",
  "hold",
  "release",
  "fault",
  "toString",
];

const payload = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.record(
    {
      action: fc.constantFrom(...ACTIONS),
      token: fc.oneof(fc.integer(), fc.double(), fc.string()),
      msgId: fc.string({ maxLength: 40 }),
      target: fc.string({ maxLength: 40 }),
      n: fc.integer(),
    },
    { requiredKeys: [] },
  ),
  fc.record({
    team: fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constant("all")),
    fault: fc.record(
      {
        kind: fc.constantFrom("crash", "cut", "slow", "loss", "dropNextAck", "boom"),
        node: fc.constantFrom("B", "C1", "P1", "Z", ""),
        link: fc.string({ maxLength: 10 }),
        ticks: fc.integer({ min: -10, max: 100_000 }),
        factor: fc.double(),
        loss: fc.double(),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.string({ minLength: 3000, maxLength: 6000 }).map((s) => ({ action: "send", msgId: s })),
);

describe("hostile input during a round", () => {
  it("nothing a client sends breaks the room, the round, the log or the checker", async () => {
    const errors = vi.spyOn(console, "error");
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
    process.stdout.write(`fuzz seed ${seed} (FUZZ_SEED=${seed} to reproduce)\n`);
    const messages = fc.sample(fc.tuple(fc.constantFrom(...TYPES), payload), { seed, numRuns: 900 });

    const { roomCode, hostToken } = await createRoom(server.url);
    const host = await join(server.url, roomCode, { hostToken });
    const players: Recorder[] = [];
    for (let i = 0; i < 6; i++) players.push(await join(server.url, roomCode, { name: `p${i}` }));
    host.room.send("host:config", { scenario: "t9-end-to-end", variant: "chaos", seed: 11 });
    host.room.send("host:start", {});
    await until(() => host.room.state.phase === "running", 15_000, "running");
    const honest = players.slice(0, 3);
    const attackers = players.slice(3);
    const play = setInterval(() => {
      for (const p of honest) {
        const detail = p.last("seat");
        if (!detail) continue;
        const act = seatBotAction(detail, "careful", Math.random() < 0.2);
        if (act) p.room.send("act", act);
      }
    }, 300);
    // Attack: random messages, a burst (flood), and replays of a valid action.
    for (let i = 0; i < messages.length; i++) {
      const [type, body] = messages[i];
      const attacker = attackers[i % attackers.length];
      try {
        attacker.room.send(type, body as never);
        if (i % 150 === 0) for (let k = 0; k < 80; k++) attacker.room.send("act", { action: "send", n: k });
        if (i % 100 === 0) for (let k = 0; k < 10; k++) attacker.room.send("act", { action: "process", token: 1, n: 7 });
      } catch {
        /* a closed connection refuses to send: that is the server doing its job */
      }
      // Every 30 messages, let the room take a tick before the next wave (it must keep ticking through the attack).
      if (i % 30 === 0) {
        const seen = host.room.state.tick;
        await until(() => host.room.state.tick > seen || host.room.state.phase !== "running", 5000, "a tick during the attack");
      }
    }
    const tick = host.room.state.tick;
    await until(() => host.room.state.tick > tick + 10, 10_000, "the round still ticking");
    clearInterval(play);
    expect(["running", "draining", "paused"]).toContain(host.room.state.phase);
    host.room.send("host:resume", {});
    host.room.send("host:end", {});
    const over = await host.waitFor("roundOver", () => true, 60_000);
    await until(async () => ((await fetchLog(server.url, over.gameId, hostToken)) ?? "").includes('"type":"summary"'), 10_000, "the summary in the log");
    const text = (await fetchLog(server.url, over.gameId, hostToken)) ?? "";
    const parsed = parseLog(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    const recount = summaryOf(parsed.header!, check(parsed.header!, parsed.events));
    expect(parsed.summary).toMatchObject(recount);
    expect(resimulate(parsed.header!, parsed.events).divergence).toBeNull();
    // No handler threw: the room reports any caught exception with console.error.
    expect(errors.mock.calls.filter((c) => String(c[0]).includes("failed"))).toEqual([]);
    expect(text).not.toContain(hostToken);
  });
});

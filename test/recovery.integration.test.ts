// kill -9 mid-round, restart: the room comes back from its log — same code, the engine
// rebuilt by replaying the logged commands, the round paused where it stopped, phones
// back in their seats with their resume tokens — and the continued log replays exactly.
// Between rounds too: a room in lesson mode comes back at the same step, with its history.
import { readFile } from "node:fs/promises";
import { join as joinPath } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLog } from "../shared/log/log.js";
import { resimulate } from "../shared/log/resimulate.js";
import { createRoom, fetchLog, join, spawnServer, tempDir, until } from "./helpers/servers.js";

describe("crash recovery", () => {
  it("a room comes back from its log after kill -9 and its round continues", async () => {
    const dataDir = tempDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    const { roomCode, hostToken } = await createRoom(first.url);
    const host = await join(first.url, roomCode, { hostToken });
    const players = [];
    for (const name of ["Ana", "Bia", "Caio"]) players.push(await join(first.url, roomCode, { name }));
    const welcomes = await Promise.all(players.map((p) => p.waitFor("welcome")));
    host.room.send("host:config", { scenario: "t3-lost-messages", variant: "fixed", seed: 21 });
    host.room.send("host:start", {});
    const seats = await Promise.all(players.map((p) => p.waitFor("seat")));
    await until(() => host.room.state.phase === "running", 15_000, "running");
    const producer = players[seats.findIndex((s) => s.seat === "P1")];
    // Business events arrive over the round: each send waits until the producer has one ready.
    for (let i = 0; i < 4; i++) {
      await producer.waitFor("seat", (s) => s.view.ready > 0 && s.view.sent.length === i, 30_000);
      producer.room.send("act", { action: "send", n: i + 1 });
      await producer.waitFor("seat", (s) => s.view.sent.length === i + 1, 10_000);
    }
    // The log is appended every tick, and a restore keeps whole ticks only: wait until the
    // four accepted sends are on disk with a few later ticks after them, then kill.
    const sendsOnDisk = async () => {
      const events = parseLog((await fetchLog(first.url, host.room.state.gameId, hostToken)) ?? "").events;
      const sends = events.filter((e) => e.type === "command" && e.command.seat === "P1" && e.command.action === "send");
      return sends.length >= 4 && (events.at(-1)?.tick ?? 0) >= sends[3].tick + 3;
    };
    await until(sendsOnDisk, 10_000, "the sends in the log, with later ticks after them");
    const tickBefore = host.room.state.tick as number;
    const oldGame = host.room.state.gameId as string;
    await first.kill("SIGKILL");

    const second = await spawnServer({ DATA_DIR: dataDir }, first.port);
    try {
      await until(() => second.output().includes("running on port"), 15_000, "the start-up banner");
      expect(second.output()).toContain(`rooms brought back after a restart: ${roomCode}`);
      expect((await fetch(`${second.url}/api/rooms/${roomCode}`)).status).toBe(200);
      const host2 = await join(second.url, roomCode, { hostToken });
      await until(() => host2.room.state.phase === "paused", 10_000, "the round back, paused");
      expect(host2.room.state.tick).toBeGreaterThanOrEqual(tickBefore - 12);
      expect(host2.room.state.gameId).not.toBe(oldGame);
      const back = await join(second.url, roomCode, { resumeToken: welcomes[0].resumeToken });
      expect((await back.waitFor("welcome")).playerId).toBe(welcomes[0].playerId);
      expect((await back.waitFor("seat")).seat).toBe(seats[0].seat);
      host2.room.send("host:resume", {});
      await until(() => host2.room.state.tick > tickBefore + 10, 10_000, "ticking again");
      host2.room.send("host:end", {});
      const over = await host2.waitFor("roundOver", () => true, 60_000);
      await until(async () => ((await fetchLog(second.url, over.gameId, hostToken)) ?? "").includes('"type":"summary"'), 10_000, "the summary in the log");
      const log = parseLog((await fetchLog(second.url, over.gameId, hostToken)) ?? "");
      expect(log.errors).toEqual([]);
      expect(log.header).toMatchObject({ restoredFrom: oldGame });
      expect(log.events.filter((e) => e.type === "command" && e.command.seat === "P1" && e.command.action === "send").length).toBeGreaterThanOrEqual(4);
      expect(resimulate(log.header!, log.events).divergence).toBeNull();
      const old = parseLog(await (await fetch(`${second.url}/api/games/${oldGame}/log`, { headers: { Authorization: `Bearer ${hostToken}` } })).text());
      expect(old.summary).toMatchObject({ interrupted: true, continuedIn: over.gameId });
    } finally {
      await second.kill();
    }
  });

  it("a room between rounds comes back after kill -9 at the same lesson step, with its rounds and its students", async () => {
    const dataDir = tempDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    const { roomCode, hostToken } = await createRoom(first.url);
    const host = await join(first.url, roomCode, { hostToken });
    const ana = await join(first.url, roomCode, { name: "Ana" });
    const welcome = await ana.waitFor("welcome");
    const lesson = () => host.room.state.lesson as { topic: number; step: string; pinned: string };
    const step = async (action: string, topic: number, name: string) => {
      host.room.send("host:lesson", { action });
      await until(() => lesson().topic === topic && lesson().step === name, 10_000, `lesson at ${topic} ${name}`);
    };
    await step("start", 1, "prompt");
    await step("next", 1, "poll");
    host.room.send("host:pin", { text: "Quem envia não espera" });
    await step("next", 1, "predict");
    await step("next", 1, "round");
    host.room.send("host:start", {});
    await until(() => host.room.state.phase === "running", 15_000, "round running");
    host.room.send("host:end", {});
    const over = await host.waitFor("roundOver", () => true, 60_000);
    host.room.send("host:lesson", { action: "goto", topic: 2 });
    await until(() => lesson().topic === 2 && lesson().step === "prompt", 10_000, "Topic 2");
    const at = { topic: lesson().topic, step: lesson().step };
    // The room's save lands shortly after each change.
    const saved = async () => {
      const meta = (await readFile(joinPath(dataDir, "rooms", `${roomCode}.json`), "utf8").catch(() => "")) as string;
      return meta.includes(`"topic":${at.topic}`) && meta.includes(`"step":"${at.step}"`) && meta.includes(over.gameId as string);
    };
    await until(saved, 10_000, "the room's snapshot on disk");
    await first.kill("SIGKILL");

    const second = await spawnServer({ DATA_DIR: dataDir }, first.port);
    try {
      await until(() => second.output().includes("running on port"), 15_000, "the start-up banner");
      expect(second.output()).toContain(`rooms brought back after a restart: ${roomCode}`);
      const projector = await join(second.url, roomCode, { hostToken });
      const back = () => projector.room.state.lesson as { topic: number; step: string; pinned: string };
      await until(() => back()?.topic === at.topic && back()?.step === at.step, 10_000, "the same lesson step");
      expect(back().pinned).toBe("Quem envia não espera");
      const history = await projector.waitFor("history");
      expect(history.rounds).toEqual([expect.objectContaining({ gameId: over.gameId, scenario: "t1-sync-vs-async" })]);
      const phone = await join(second.url, roomCode, { resumeToken: welcome.resumeToken });
      expect((await phone.waitFor("welcome")).playerId).toBe(welcome.playerId);
    } finally {
      await second.kill();
    }
  });
});

// The class room through real SDK clients over WebSockets: join by code, seats, host-only
// controls, every kind of bad input, rate limiting, reconnection, bot takeover and hand-back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { createRoom, join, sleep, startInProcess, until, type Recorder, type Running } from "./helpers/servers.js";

let server: Running;

beforeAll(async () => {
  // A bot takes a dropped player's seat after half a second here (8 s by default), so the takeover test is quick.
  server = await startInProcess({ BOT_TAKEOVER_MS: "500" });
});

afterAll(async () => {
  await server.close();
});

async function classWithPlayers(n: number, scenario = "t3-lost-messages", variant = "fixed") {
  const { roomCode, hostToken } = await createRoom(server.url);
  const host = await join(server.url, roomCode, { hostToken });
  await host.waitFor("welcome");
  const players: Recorder[] = [];
  for (let i = 0; i < n; i++) players.push(await join(server.url, roomCode, { name: `Player ${i + 1}` }));
  for (const p of players) await p.waitFor("welcome");
  host.room.send("host:config", { scenario, variant, seed: 7 });
  return { roomCode, hostToken, host, players };
}

async function startRound(host: Recorder): Promise<void> {
  host.room.send("host:start", {});
  await until(() => host.room.state.phase === "running", 10_000, "round running");
}

describe("class room", () => {
  it("creates a room over HTTP with a 6-character code, and players join it by code", async () => {
    const { roomCode, hostToken, joinUrl } = await createRoom(server.url);
    expect(roomCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(hostToken.length).toBeGreaterThanOrEqual(40);
    expect(joinUrl).toContain(`?code=${roomCode}`);
    const lookup = await fetch(`${server.url}/api/rooms/${roomCode.toLowerCase()}`);
    expect(lookup.status).toBe(200);
    expect((await fetch(`${server.url}/api/rooms/ZZZZZZ`)).status).toBe(404);
    const p = await join(server.url, roomCode, { name: "  Ana <b>Bold</b>\u0000 " });
    const welcome = await p.waitFor("welcome");
    expect(welcome).toMatchObject({ role: "player", code: roomCode, name: "Ana <b>Bold</b>" });
    expect(typeof welcome.resumeToken).toBe("string");
    const again = await join(server.url, roomCode, { name: "ana <b>bold</b>" });
    expect((await again.waitFor("welcome")).name).toBe("ana <b>bold</b> 2");
  });

  it("refuses a join with a wrong host token, no name, or an unknown code", async () => {
    const { roomCode } = await createRoom(server.url);
    const client = new Client(server.url);
    await expect(client.joinById(roomCode, { hostToken: "x".repeat(43) })).rejects.toThrow(/notHost/);
    await expect(client.joinById(roomCode, { name: "   " })).rejects.toThrow(/badName/);
    await expect(client.joinById(roomCode, { name: 42 })).rejects.toThrow(/badName/);
    await expect(client.joinById("QQQQQQ", { name: "Ana" })).rejects.toThrow();
  });

  it("gives every player a seat of the scenario, sends seat detail, and applies actions through the engine", async () => {
    const { host, players } = await classWithPlayers(3);
    await startRound(host);
    const seats = await Promise.all(players.map((p) => p.waitFor("seat")));
    expect(seats.map((s) => s.seat).sort()).toEqual(["C1", "C2", "P1"]);
    const producer = players[seats.findIndex((s) => s.seat === "P1")];
    expect(producer.last("seat").actions).toEqual(["send", "retry"]);
    producer.room.send("act", { action: "send", n: 1 });
    await producer.waitFor("seat", (s) => s.view.sent.length === 1);
    await until(() => [...producer.room.state.players.values()].some((p: any) => p.seat === "P1" && p.lastAction === 1), 5000, "lastAction patch");
    const consumer = players[seats.findIndex((s) => s.seat === "C1")];
    const withToken = await consumer.waitFor("seat", (s) => s.view.inbox.length > 0, 10_000);
    consumer.room.send("act", { action: "process", token: withToken.view.inbox[0].token, n: 2 });
    await consumer.waitFor("seat", (s) => s.view.processing !== null || s.view.inbox.some((i: any) => i.processed));
  });

  it("refuses actions out of role, out of turn, malformed or oversized, with a reason, and carries on", async () => {
    const { host, players } = await classWithPlayers(3);
    players[0].room.send("act", { action: "send", n: 5 });
    expect((await players[0].waitFor("refused")).reason.code).toBe("noSeat");
    await startRound(host);
    const seats = await Promise.all(players.map((p) => p.waitFor("seat")));
    const consumer = players[seats.findIndex((s) => s.seat === "C1")];
    const bad: [string, unknown, string][] = [
      ["act", { action: "send", n: 10 }, "notYourAction"],
      ["act", { action: "explode", n: 11 }, "badMessage"],
      ["act", "not an object", "badMessage"],
      ["act", { action: "process" }, "badMessage"],
      ["act", { action: "process", token: -1 }, "badMessage"],
      ["act", { action: "ack", token: 999999, n: 12 }, "unknownToken"],
      ["act", { action: "send", extra: 1 }, "badMessage"],
      ["act", { action: "send", msgId: "x".repeat(3000) }, "tooLarge"],
      ["host:start", {}, "notHost"],
      ["host:fault", { team: 0, fault: { kind: "crash", node: "B", ticks: 10 } }, "notHost"],
      ["whatever", {}, "badMessage"],
    ];
    for (const [type, payload, code] of bad) {
      const before = consumer.messages.get("refused")?.length ?? 0;
      consumer.room.send(type, payload);
      await until(() => (consumer.messages.get("refused")?.length ?? 0) > before, 5000, `refusal of ${type}`);
      expect(consumer.last("refused").reason.code, `${type} ${JSON.stringify(payload).slice(0, 60)}`).toBe(code);
    }
    const tickBefore = host.room.state.tick;
    await until(() => host.room.state.tick > tickBefore + 5, 5000, "room still ticking");
  });

  it("only the host drives the room: config, pause, resume, faults, focus, end", async () => {
    const { host, players } = await classWithPlayers(2);
    host.room.send("host:config", { scenario: "t0-nothing", variant: "x" });
    expect((await host.waitFor("refused")).reason.code).toBe("unknownScenario");
    await startRound(host);
    host.room.send("host:config", { scenario: "t4-duplicates", variant: "naive" });
    await host.waitFor("refused", (r) => r.reason.code === "roundActive");
    host.room.send("host:pause", {});
    await until(() => host.room.state.phase === "paused");
    const frozen = host.room.state.tick;
    await sleep(400);
    expect(host.room.state.tick).toBe(frozen);
    const seat = await players[0].waitFor("seat");
    players[0].room.send("act", { action: seat.actions[0], token: 1, n: 3 });
    expect((await players[0].waitFor("refused", (r) => r.n === 3)).reason.code).toBe("paused");
    host.room.send("host:resume", {});
    await until(() => host.room.state.phase === "running");
    host.room.send("host:fault", { team: 0, fault: { kind: "crash", node: "B", ticks: 20 } });
    await until(() => host.room.state.teams[0]?.nodes.get("B")?.up === false, 5000, "broker down on the projector");
    host.room.send("host:fault", { team: 0, fault: { kind: "crash", node: "Z9", ticks: 20 } });
    expect((await host.waitFor("refused", (r) => r.action === "host:fault")).reason.code).toBe("badFault");
    host.room.send("host:end", {});
    const over = await host.waitFor("roundOver", () => true, 30_000);
    expect(over.summary).toMatchObject({ scenario: "t3-lost-messages", variant: "fixed", seed: 7 });
    const mine = await players[0].waitFor("roundOver");
    expect(mine.you).toMatchObject({ seat: seat.seat, actions: 0 });
    expect(mine.team).toMatchObject({ team: 0 });
  });

  it("plays three rounds in one room — same topic, then another topic and variant — with nobody rejoining", async () => {
    const { host, players } = await classWithPlayers(3, "t3-lost-messages", "naive");
    const rounds: [string, string][] = [
      ["t3-lost-messages", "naive"],
      ["t3-lost-messages", "fixed"],
      ["t4-duplicates", "naive"],
    ];
    const gameIds: string[] = [];
    for (const [i, [scenario, variant]] of rounds.entries()) {
      // After a round, choosing the next topic brings the room back to the lobby, and Start is accepted there.
      host.room.send("host:config", { scenario, variant, seed: 11, roundSeconds: 30 });
      await until(
        () => host.room.state.scenario === scenario && host.room.state.variant === variant && host.room.state.phase === "lobby",
        10_000,
        `round ${i + 1} configured`,
      );
      const refusalsBefore = host.messages.get("refused")?.length ?? 0;
      host.room.send("host:start", {});
      await until(() => host.room.state.phase === "running" && host.room.state.round === i + 1, 15_000, `round ${i + 1} running`);
      expect(host.messages.get("refused")?.length ?? 0).toBe(refusalsBefore);
      const seats = await Promise.all(players.map((p) => p.waitFor("seat", (s) => s.view !== undefined && p.room.state.round === i + 1)));
      expect(seats.map((s) => s.seat).sort()).toEqual(["C1", "C2", "P1"]);
      const producer = players[seats.findIndex((s) => s.seat === "P1")];
      const n = 1000 + i;
      producer.room.send("act", { action: "send", n });
      await until(
        () => [...producer.room.state.players.values()].some((p: any) => p.seat === "P1" && p.lastAction === n),
        10_000,
        `round ${i + 1} action applied`,
      );
      const overBefore = host.messages.get("roundOver")?.length ?? 0;
      host.room.send("host:end", {});
      await until(() => (host.messages.get("roundOver")?.length ?? 0) > overBefore, 60_000, `round ${i + 1} over`);
      const over = host.last("roundOver");
      expect(over.summary).toMatchObject({ scenario, variant, seed: 11 });
      expect(over.summary.committed).toBeGreaterThan(0);
      gameIds.push(over.gameId);
      await until(() => host.room.state.phase === "over", 5000, `round ${i + 1} phase over`);
      // Every phone is still in the room, in the same seat's team, and heard the result.
      for (const p of players) await p.waitFor("roundOver", (r) => r.gameId === over.gameId, 10_000);
    }
    expect(new Set(gameIds).size).toBe(3);
    // Straight from "over", Start (without a new choice) plays the same topic again.
    host.room.send("host:start", {});
    await until(() => host.room.state.round === 4 && host.room.state.phase !== "over", 10_000, "fourth round started from over");
    expect(host.room.state.scenario).toBe("t4-duplicates");
  });

  it("a student who joins between rounds plays the next one, not a spectator", async () => {
    const { roomCode, host } = await classWithPlayers(2, "t3-lost-messages", "naive");
    await startRound(host);
    host.room.send("host:end", {});
    await host.waitFor("roundOver", () => true, 60_000);
    host.room.send("host:config", { scenario: "t4-duplicates", variant: "naive", seed: 3 });
    await until(() => host.room.state.phase === "lobby", 5000, "lobby");
    const late = await join(server.url, roomCode, { name: "Bia" });
    expect((await late.waitFor("welcome")).role).toBe("player");
    await startRound(host);
    expect((await late.waitFor("seat")).seat).toMatch(/^[PC]\d$|^B$/);
  });

  it("rate-limits a flood with feedback, without dropping the player", async () => {
    const { host, players } = await classWithPlayers(1);
    await startRound(host);
    for (let i = 0; i < 40; i++) players[0].room.send("act", { action: "send", n: 100 + i });
    await until(() => (players[0].messages.get("refused") ?? []).some((r: any) => r.reason.code === "rateLimited"), 5000, "rateLimited");
    await sleep(1500);
    const before = players[0].messages.get("seat")?.length ?? 0;
    players[0].room.send("act", { action: "send", n: 500 });
    await until(
      () => (players[0].messages.get("seat")?.length ?? 0) > before || (players[0].messages.get("refused") ?? []).some((r: any) => r.n === 500),
      5000,
      "answered after the flood",
    );
  });

  it("a reloaded page returns to its seat with the resume token", async () => {
    const { roomCode, host, players } = await classWithPlayers(3);
    await startRound(host);
    const seat = await players[1].waitFor("seat");
    const welcome = players[1].last("welcome");
    await players[1].room.leave(true);
    const back = await join(server.url, roomCode, { resumeToken: welcome.resumeToken });
    const again = await back.waitFor("welcome");
    expect(again.playerId).toBe(welcome.playerId);
    expect((await back.waitFor("seat")).seat).toBe(seat.seat);
  });

  it("a locked room keeps new names out but lets reloaded phones and the projector back in", async () => {
    const { roomCode, hostToken, host, players } = await classWithPlayers(2);
    host.room.send("host:lock", { locked: true });
    await until(() => host.room.state.locked === true, 5000, "locked");
    await until(
      async () => ((await (await fetch(`${server.url}/api/rooms/${roomCode}`)).json()) as { locked: boolean }).locked,
      5000,
      "the lock published to the join page",
    );
    await expect(new Client(server.url).joinById(roomCode, { name: "Late" })).rejects.toThrow(/roomLocked/);
    const welcome = players[0].last("welcome");
    await players[0].room.leave(true);
    const back = await join(server.url, roomCode, { resumeToken: welcome.resumeToken });
    expect((await back.waitFor("welcome")).playerId).toBe(welcome.playerId);
    await host.room.leave(true);
    const host2 = await join(server.url, roomCode, { hostToken });
    expect((await host2.waitFor("welcome")).role).toBe("host");
    host2.room.send("host:lock", { locked: false });
    await until(() => host2.room.state.locked === false, 5000, "unlocked");
    expect((await (await join(server.url, roomCode, { name: "Late" })).waitFor("welcome")).role).toBe("player");
  });

  it("a bot takes a dropped player's seat after the grace period and gives it back on return", async () => {
    const { roomCode, host, players } = await classWithPlayers(3);
    await startRound(host);
    const seat = (await players[0].waitFor("seat")).seat as string;
    const node = () => host.room.state.teams[0]?.nodes.get(seat);
    await until(() => node()?.bot === false, 5000, "human seat");
    const token = players[0].last("welcome").resumeToken;
    await players[0].room.leave(true);
    await until(() => node()?.bot === true, 5000, "bot takeover");
    const back = await join(server.url, roomCode, { resumeToken: token });
    await back.waitFor("seat");
    await until(() => node()?.bot === false, 5000, "hand-back");
  });

  it("serves the game log to the host token only; unknown or traversal-like ids answer 404", async () => {
    const { roomCode, hostToken, host } = await classWithPlayers(1);
    await startRound(host);
    await sleep(500);
    host.room.send("host:end", {});
    const over = await host.waitFor("roundOver", () => true, 30_000);
    const url = `${server.url}/api/games/${over.gameId}/log`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { Authorization: "Bearer nottherighttokenatall000000" } })).status).toBe(401);
    await until(
      async () => (await (await fetch(url, { headers: { Authorization: `Bearer ${hostToken}` } })).text()).includes('"type":"summary"'),
      5000,
      "summary line",
    );
    const res = await fetch(url, { headers: { Authorization: `Bearer ${hostToken}` } });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\n");
    expect(JSON.parse(lines[0])).toMatchObject({ type: "header", gameId: over.gameId });
    expect(JSON.parse(lines.at(-1)!).type).toBe("summary");
    for (const bad of ["..%2F..%2Fetc%2Fpasswd", "nope", "a.b"])
      expect((await fetch(`${server.url}/api/games/${bad}/log`, { headers: { Authorization: `Bearer ${hostToken}` } })).status).toBe(404);
    const list = (await (await fetch(`${server.url}/api/games`, { headers: { Authorization: `Bearer ${hostToken}` } })).json()) as {
      gameId: string;
      roomCode: string;
    }[];
    expect(list.map((g) => g.gameId)).toContain(over.gameId);
    expect(list.every((g) => g.roomCode === roomCode)).toBe(true);
  });

  it("answers /health and /metrics", async () => {
    expect((await (await fetch(`${server.url}/health`)).json()).ok).toBe(true);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/exactly_once_rooms \d+/);
    expect(metrics).toMatch(/exactly_once_tick_ms_count \d+/);
    expect(metrics).toMatch(/exactly_once_refusals_total\{reason="/);
  });

  it("a phone receives its own team's players and no pipeline (the projector's), not the other teams' players", async () => {
    const { host, players } = await classWithPlayers(7);
    await startRound(host);
    await Promise.all(players.map((p) => p.waitFor("seat")));
    await sleep(300);
    const teamOf = (p: Recorder) => p.last("seat").team as number;
    const phone = players[0];
    const mine = teamOf(phone);
    const other = players.map(teamOf).find((t) => t !== mine)!;
    expect(host.room.state.teams.length).toBeGreaterThanOrEqual(2);
    expect(host.room.state.teams[mine].nodes.size).toBeGreaterThan(0);
    expect(host.room.state.teams[other].nodes.size).toBeGreaterThan(0);
    expect(phone.room.state.teams[mine].nodes?.size ?? 0).toBe(0);
    expect(phone.room.state.teams[other].nodes?.size ?? 0).toBe(0);
    expect(phone.room.state.teams[other].committed).toBeGreaterThanOrEqual(0);
    const visible = [...phone.room.state.players.values()].map((p: any) => p.team);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((t: number) => t === mine)).toBe(true);
    expect(host.room.state.players.size).toBe(7);
  });
});

// A phone on flaky Wi-Fi: its connection drops again and again. Its seat is held, a bot
// covers it while it is away, and it comes back to the same seat each time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoom, join, startInProcess, until, type Running } from "./helpers/servers.js";

let server: Running;
beforeAll(async () => {
  server = await startInProcess({ BOT_TAKEOVER_MS: "400" });
});
afterAll(async () => {
  await server.close();
});

/** Cuts the socket without a close handshake, as a network drop does. */
function dropNetwork(room: { connection: unknown }): void {
  const ws = (room.connection as { transport: { ws: { terminate?: () => void; close: () => void } } }).transport.ws;
  if (ws.terminate) ws.terminate();
  else ws.close();
}

describe("flapping network", () => {
  it("keeps the seat through repeated drops, with a bot covering and handing back", async () => {
    const { roomCode, hostToken } = await createRoom(server.url);
    const host = await join(server.url, roomCode, { hostToken });
    const phone = await join(server.url, roomCode, { name: "Flaky" });
    const { playerId } = await phone.waitFor("welcome");
    host.room.send("host:config", { scenario: "t3-lost-messages", variant: "fixed", seed: 4 });
    host.room.send("host:start", {});
    const { seat } = await phone.waitFor("seat");
    await until(() => host.room.state.phase === "running", 10_000, "running");
    // The SDK reconnects by itself only after minUptime (5 s by default); a phone on bad Wi-Fi
    // may drop sooner, which the page covers with its resume token. Here the SDK path is tested.
    phone.room.reconnection.minUptime = 0;
    const node = () => host.room.state.teams[0]?.nodes.get(seat);
    // Each outage lasts about a second (the SDK's first retry), longer than the bot's grace period.
    phone.room.reconnection.delay = 1000;
    phone.room.reconnection.minDelay = 1000;
    let coveredByBot = 0;
    for (let i = 0; i < 4; i++) {
      dropNetwork(phone.room as never);
      await until(() => host.room.state.players.get(playerId)?.connected === false, 5000, "the drop seen by the room");
      let sawBot = false;
      const watch = setInterval(() => (sawBot ||= node()?.bot === true), 25);
      await until(() => sawBot || host.room.state.players.get(playerId)?.connected === true, 15_000, "bot or return");
      await until(() => host.room.state.players.get(playerId)?.connected === true, 15_000, "return");
      clearInterval(watch);
      if (sawBot) coveredByBot++;
      await until(() => host.room.state.players.get(playerId)?.connected === true, 15_000, `reconnection ${i + 1}`);
      await until(() => node()?.bot === false, 5000, "the seat handed back");
    }
    expect(coveredByBot).toBeGreaterThanOrEqual(3);
    const before = (phone.messages.get("seat") ?? []).length;
    phone.room.send("act", { action: "send", n: 1 });
    await until(() => (phone.messages.get("seat") ?? []).length > before, 5000, "the phone acting again");
    expect(phone.last("seat").seat).toBe(seat);
  });
});

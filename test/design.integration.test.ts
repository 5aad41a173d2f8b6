// The design round's messages through real SDK clients: the host opens the design phase of
// `t9-end-to-end` / `design`, three phones (a producer, a consumer and the spare producer seat
// that designs the broker) choose for their own end, the room state carries the team's design,
// and every bad choice is refused with its reason and changes nothing: out of phase, another
// end's setting, a value the setting does not have, a malformed message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Refusal } from "../shared/protocol.js";
import { designEndsOf } from "../shared/view/designEnds.js";
import { createRoom, join, startInProcess, until, type Recorder, type Running } from "./helpers/servers.js";

let server: Running;

beforeAll(async () => {
  server = await startInProcess();
});

afterAll(async () => {
  await server.close();
});

type Choices = { forEach(cb: (value: string, key: string) => void): void };
const designOf = (r: Recorder, team: number): Record<string, string> => {
  const out: Record<string, string> = {};
  (r.room.state.designs?.[team]?.choices as Choices | undefined)?.forEach((value, key) => (out[key] = value));
  return out;
};

/** The refusal of the last design message this phone sent, once it arrives. */
const refusedSince = (phone: Recorder, seen: number) =>
  phone.waitFor<Refusal>("refused", (r) => r.action === "design" && (phone.messages.get("refused") ?? []).indexOf(r) >= seen);

describe("the design round's messages", () => {
  it("apply a phone's choice for its end and refuse the rest with a reason", async () => {
    const { roomCode, hostToken } = await createRoom(server.url);
    const host = await join(server.url, roomCode, { hostToken });
    await host.waitFor("welcome");
    const phones: Recorder[] = [];
    for (const name of ["Ana", "Bia", "Caio"]) phones.push(await join(server.url, roomCode, { name }));
    for (const p of phones) await p.waitFor("welcome");
    host.room.send("host:config", { scenario: "t9-end-to-end", variant: "design", seed: 3, roundSeconds: 30 });
    await until(() => host.room.state.variant === "design", 5000, "configured");

    // Out of phase: nothing is open yet.
    const count = (p: Recorder) => (p.messages.get("refused") ?? []).length;
    let seen = count(phones[0]);
    phones[0].room.send("design", { setting: "publish", value: "confirmRetry" });
    expect((await refusedSince(phones[0], seen)).reason).toMatchObject({ code: "notDesigning" });

    host.room.send("host:design", { seconds: 60, bots: "naive" });
    await until(() => host.room.state.phase === "design" && host.room.state.designs?.length === 1, 5000, "design phase");
    expect(host.room.state.designLeft).toBeGreaterThan(50);

    // Who designs what: the seats as the room dealt them, the ends as the pages compute them.
    const seats = new Map<string, string>();
    host.room.state.players.forEach((p: { name: string; seat: string }) => seats.set(p.name, p.seat));
    const ends = designEndsOf(seats.values());
    const phoneAt = (end: string) => phones[["Ana", "Bia", "Caio"].findIndex((n) => ends.get(seats.get(n)!) === end)];
    const producer = phoneAt("producer");
    const broker = phoneAt("broker");
    const consumer = phoneAt("consumer");
    expect([producer, broker, consumer].every(Boolean)).toBe(true);

    producer.room.send("design", { setting: "publish", value: "confirmRetryDedupId" });
    broker.room.send("design", { setting: "storage", value: "replicated" });
    consumer.room.send("design", { setting: "idempotency", value: "transactional" });
    await until(() => designOf(host, 0).idempotency === "transactional" && designOf(host, 0).storage === "replicated", 5000, "choices in the state");
    // The teammates see the whole pipeline.
    await until(() => designOf(consumer, 0).publish === "confirmRetryDedupId", 5000, "the producer's choice on the consumer's phone");
    const before = JSON.stringify(designOf(host, 0));

    seen = count(consumer);
    consumer.room.send("design", { setting: "publish", value: "fireAndForget" });
    expect((await refusedSince(consumer, seen)).reason).toMatchObject({ code: "wrongEnd" });
    seen = count(broker);
    broker.room.send("design", { setting: "storage", value: "tape" });
    expect((await refusedSince(broker, seen)).reason).toMatchObject({ code: "badChoice" });
    seen = count(producer);
    producer.room.send("design", { setting: "publish" });
    expect((await refusedSince(producer, seen)).reason).toMatchObject({ code: "badMessage" });
    seen = count(host);
    host.room.send("design", { setting: "ack", value: "afterProcessing" });
    expect((await refusedSince(host, seen)).reason).toMatchObject({ code: "noSeat" });
    expect(JSON.stringify(designOf(host, 0))).toBe(before);

    // The host starts the round: choices are over.
    host.room.send("host:start", {});
    await until(() => host.room.state.phase === "running", 10_000, "round running");
    seen = count(producer);
    producer.room.send("design", { setting: "publish", value: "confirmRetry" });
    expect((await refusedSince(producer, seen)).reason).toMatchObject({ code: "notDesigning" });
    expect(JSON.stringify(designOf(host, 0))).toBe(before);
    for (const r of [host, ...phones]) await r.room.leave();
  });
});

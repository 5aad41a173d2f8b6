// Lesson mode through real SDK clients: a projector walks Topic 1 (prompt, poll answered
// from three phones, pinned definition, prediction, round, debrief), and pages reloaded
// while the results are on screen get them back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostRoundOver, LessonResults, PlayerRoundOver, RoundHistory, YourAnswer } from "../shared/protocol.js";
import { createRoom, join, startInProcess, until, type Recorder, type Running } from "./helpers/servers.js";

let server: Running;

beforeAll(async () => {
  server = await startInProcess();
});

afterAll(async () => {
  await server.close();
});

const lessonState = (host: Recorder) =>
  host.room.state.lesson as { topic: number; step: string; pollOpen: boolean; predictOpen: boolean; pinned: string; answered: number; roundIndex: number };

async function step(host: Recorder, action: string, topic: number, stepName: string): Promise<void> {
  host.room.send("host:lesson", { action });
  await until(() => lessonState(host).topic === topic && lessonState(host).step === stepName, 10_000, `lesson at ${topic} ${stepName}`);
}

describe("lesson mode", () => {
  it("walks Topic 1 with a poll and a prediction answered from three phones, and brings the results back to reloaded pages", async () => {
    const { roomCode, hostToken } = await createRoom(server.url);
    const host = await join(server.url, roomCode, { hostToken });
    await host.waitFor("welcome");
    const phones: Recorder[] = [];
    for (const name of ["Ana", "Bia", "Caio"]) phones.push(await join(server.url, roomCode, { name }));
    for (const p of phones) await p.waitFor("welcome");

    await step(host, "start", 1, "prompt");
    await step(host, "next", 1, "poll");
    expect(lessonState(host).pollOpen).toBe(true);
    const answers = ["Não bloqueia", "não bloqueia!", "Depois"];
    phones.forEach((p, i) => p.room.send("lesson:poll", { text: answers[i] }));
    const results = await host.waitFor<LessonResults>("lessonResults", (r) => r.answered === 3);
    expect(results).toMatchObject({ topic: 1, eligible: 3 });
    expect(results.poll).toEqual([
      { text: "Não bloqueia", count: 2 },
      { text: "Depois", count: 1 },
    ]);
    expect((await phones[2].waitFor<YourAnswer>("yourAnswer", (a) => a.poll !== null)).poll).toBe("Depois");
    host.room.send("host:pin", { text: "Quem envia não espera a resposta" });
    await until(() => lessonState(host).pinned === "Quem envia não espera a resposta", 5000, "pinned definition");

    await step(host, "next", 1, "predict");
    await until(() => host.room.state.scenario === "t1-sync-vs-async" && host.room.state.variant === "naive", 5000, "room configured for Topic 1");
    const choices = ["few", "many", "many"];
    phones.forEach((p, i) => p.room.send("lesson:predict", { option: choices[i] }));
    phones[0].room.send("lesson:predict", { option: "nonsense" });
    expect((await phones[0].waitFor("refused", (r) => r.action === "lesson:predict")).reason.code).toBe("badOption");
    await host.waitFor<LessonResults>("lessonResults", (r) => r.predictions.many === 2 && r.predictions.few === 1);

    await step(host, "next", 1, "round");
    host.room.send("host:start", {});
    await until(() => host.room.state.phase === "running", 15_000, "round running");
    host.room.send("host:end", {});
    const over = await host.waitFor<HostRoundOver>("roundOver", () => true, 60_000);
    expect(over).toMatchObject({ topic: 1, summary: { scenario: "t1-sync-vs-async", variant: "naive" } });
    expect(over.prediction).toMatchObject({ topic: 1, counts: { none: 0, few: 1, many: 2, most: 0 } });
    expect(over.groups.reduce((n, g) => n + g.count, 0)).toBe(over.total);
    await until(() => lessonState(host).roundIndex === 1 && host.room.state.variant === "fixed", 5000, "next round of the topic chosen");
    const mine = await phones[1].waitFor<PlayerRoundOver>("roundOver");
    expect(mine).toMatchObject({ gameId: over.gameId, rank: 1, teamCount: 1 });

    // A phone reloaded during the results gets its results again.
    const token = phones[1].last("welcome").resumeToken;
    await phones[1].room.leave(true);
    const reloaded = await join(server.url, roomCode, { resumeToken: token });
    expect(await reloaded.waitFor<PlayerRoundOver>("roundOver")).toEqual(mine);
    expect(await reloaded.waitFor<YourAnswer>("yourAnswer")).toEqual({ poll: "não bloqueia!", prediction: "many" });
    // A projector reloaded during the results gets the rounds played and the last results.
    await host.room.leave(true);
    const projector = await join(server.url, roomCode, { hostToken });
    const history = await projector.waitFor<RoundHistory>("history");
    expect(history.rounds).toEqual([expect.objectContaining({ round: 1, gameId: over.gameId, scenario: "t1-sync-vs-async", variant: "naive", topic: 1 })]);
    expect((await projector.waitFor<HostRoundOver>("roundOver")).gameId).toBe(over.gameId);
    await until(() => lessonState(projector)?.step === "round", 5000, "lesson state on the reloaded projector");

    await step(projector, "next", 1, "debrief");
    expect(projector.room.state.phase).toBe("over");
    for (const p of [reloaded, phones[0], phones[2], projector]) await p.room.leave(true);
  });
});

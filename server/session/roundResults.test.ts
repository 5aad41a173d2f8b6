import { describe, expect, it } from "vitest";
import type { TeamReport } from "../../shared/checker/checker.js";
import type { CauseGroup } from "../../shared/checker/groups.js";
import { RoundHistory, HISTORY_LENGTH } from "./RoundHistory.js";
import { teamRanks } from "./roundResults.js";
import { classroom, endRound, enter, startRound, tickUntil, type TestRoom } from "./testKit.js";

/** A round the bots play to its end (every phone dropped, the seats taken over at once). */
function botRound(room: TestRoom, config: Record<string, unknown>): void {
  room.session.receive("host", "host:config", config);
  startRound(room);
  for (const p of room.session.roster.players.values()) if (p.sessionId) room.session.drop(p.sessionId);
  tickUntil(room, () => room.session.phase === "over", 20_000);
  for (const p of room.session.roster.players.values()) if (p.sessionId) room.session.reconnect(p.sessionId);
}

describe("round results", () => {
  it("ranks teams by score, equal scores sharing a place", () => {
    const team = (t: number, score: number) => ({ team: t, score }) as TeamReport;
    expect([...teamRanks([team(0, 50), team(1, 80), team(2, 50), team(3, -10)])]).toEqual([
      [0, 2],
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
  });

  it("gives the projector every anomaly grouped by cause, and each phone its rank and main cause", () => {
    const room = classroom(6, undefined, 0);
    const { transport } = room;
    botRound(room, { scenario: "t3-lost-messages", variant: "naive", seed: 3, roundSeconds: 30 });
    const over = transport.hostOver("host")[0];
    expect(over.total).toBeGreaterThan(0);
    expect(over.groups.reduce((n, g) => n + g.count, 0)).toBe(over.total);
    expect(over.total).toBe(
      over.summary.lost +
        over.summary.duplicated +
        over.summary.misordered +
        over.summary.inconsistent +
        over.summary.raceAnomalies +
        over.summary.wrongFinalState,
    );
    expect(over).toMatchObject({ previous: null, topic: null, prediction: null });
    const ranks = teamRanks(over.teams);
    for (let i = 1; i <= 6; i++) {
      const mine = transport.playerOver(`s${i}`)[0];
      if (!mine.team || !mine.mainCause) throw new Error("each phone's team had anomalies");
      expect(mine.teamCount).toBe(2);
      expect(mine.rank).toBe(ranks.get(mine.team.team));
      const team = mine.team.team;
      expect(mine.mainCause.teams).toEqual([team]);
      const counts = new Map<string, number>();
      for (const a of over.anomalies.filter((a) => a.team === team)) counts.set(a.cause.code, (counts.get(a.cause.code) ?? 0) + 1);
      expect(mine.mainCause.count).toBe(Math.max(...counts.values()));
    }
  });

  it("keeps the room's rounds: history to the projector, the previous round of the same scenario in each debrief", () => {
    const room = classroom(3, undefined, 0);
    const { transport, session } = room;
    botRound(room, { scenario: "t3-lost-messages", variant: "naive", seed: 3, roundSeconds: 30 });
    botRound(room, { scenario: "t4-duplicates", variant: "naive", seed: 3, roundSeconds: 30 });
    botRound(room, { scenario: "t3-lost-messages", variant: "fixed", seed: 3, roundSeconds: 30 });
    const overs = transport.hostOver("host");
    expect(overs.map((o) => o.previous?.gameId ?? null)).toEqual([null, null, overs[0].gameId]);
    expect(overs[2].previous).toMatchObject({ variant: "naive", summary: { scenario: "t3-lost-messages", variant: "naive" } });
    const histories = transport.to("host", "history");
    expect(histories.map((h) => h.rounds.length)).toEqual([0, 1, 2, 3]);
    expect(histories.at(-1)!.rounds.map((r) => [r.round, r.scenario, r.variant, r.topic])).toEqual([
      [1, "t3-lost-messages", "naive", null],
      [2, "t4-duplicates", "naive", null],
      [3, "t3-lost-messages", "fixed", null],
    ]);
    // A projector that reloads during the results gets the history and the last results.
    enter(session, "host-again", { hostToken: "host-token-for-the-unit-tests" });
    expect(transport.to("host-again", "history")[0].rounds).toHaveLength(3);
    expect(transport.to("host-again", "roundOver")[0].gameId).toBe(overs[2].gameId);
    // The history survives a snapshot.
    const restored = classroom(0);
    restored.session.restore(session.snapshot());
    enter(restored.session, "host-2", { hostToken: "host-token-for-the-unit-tests" });
    expect(restored.transport.to("host-2", "history")[0].rounds.map((r) => r.gameId)).toEqual(overs.map((o) => o.gameId));
  });

  it("sends a phone that comes back during the results its own results again, and not once the room moved on", () => {
    const room = classroom(3);
    const { session, transport } = room;
    startRound(room);
    endRound(room);
    const first = transport.to("s1", "roundOver")[0];
    const token = transport.to("s1", "welcome")[0].resumeToken;
    session.leave("s1");
    enter(session, "s1-reloaded", { resumeToken: token });
    expect(transport.to("s1-reloaded", "roundOver")).toEqual([first]);
    session.drop("s2");
    session.reconnect("s2");
    expect(transport.to("s2", "roundOver")).toHaveLength(2);
    session.receive("host", "host:config", { scenario: "t4-duplicates", variant: "naive" });
    session.leave("s1-reloaded");
    enter(session, "s1-later", { resumeToken: token });
    expect(transport.to("s1-later", "roundOver")).toEqual([]);
  });

  it("remembers the last rounds only, without their cause chains", () => {
    const history = new RoundHistory();
    const summary = { scenario: "s" } as never;
    const group: CauseGroup = {
      code: "linkLoss",
      kind: "lost",
      count: 1,
      teams: [0],
      first: { team: 0, tick: 1, msgId: "m" },
      sample: { code: "linkLoss", tick: 1, end: "network", chain: [{ tick: 1, type: "hop" }] },
    };
    for (let i = 1; i <= HISTORY_LENGTH + 5; i++)
      history.add({ round: i, gameId: `g${i}`, scenario: i % 2 ? "a" : "b", variant: "v", summary, topic: null }, [group, group, group, group]);
    expect(history.entries()).toHaveLength(HISTORY_LENGTH);
    expect(history.entries()[0].round).toBe(6);
    expect(history.previous("a")?.gameId).toBe(`g${HISTORY_LENGTH + 5}`);
    expect(history.previous("b")?.gameId).toBe(`g${HISTORY_LENGTH + 4}`);
    expect(history.previous("c")).toBeNull();
    const kept = history.snapshot()[0];
    expect(kept.groups).toHaveLength(3);
    expect(kept.groups[0].sample.chain).toEqual([]);
  });
});

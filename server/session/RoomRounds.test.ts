import { describe, expect, it } from "vitest";
import { classroom, endRound, enter, startRound, tickUntil } from "./testKit.js";

const seats = (room: ReturnType<typeof classroom>) => [...room.session.roster.players.values()].map((p) => [p.name, p.team, p.seat]);

describe("seat preview in the lobby", () => {
  it("deals in the lobby the seats Start will deal, after each join, move and configuration", () => {
    const room = classroom(0, { scenario: "t3-lost-messages", variant: "naive", seed: 2 });
    const { session, mirror } = room;
    for (let i = 1; i <= 3; i++) enter(session, `s${i}`, { name: `Player ${i}` });
    expect(seats(room)).toEqual([
      ["Player 1", 0, "P1"],
      ["Player 2", 0, "C1"],
      ["Player 3", 0, "C2"],
    ]);
    const ana = [...session.roster.players.values()][0];
    expect(mirror.players.get(ana.id)?.seat).toBe("P1");
    // Topic 6 has three consumers: the same three people, other seats.
    session.receive("host", "host:config", { scenario: "t6-competing-consumers", variant: "naive" });
    expect(seats(room).map(([, , seat]) => seat)).toEqual(["P1", "C1", "C2"]);
    session.receive("host", "host:config", { scenario: "t1-sync-vs-async", variant: "naive" });
    expect(seats(room).map(([, , seat]) => seat)).toEqual(["P1", "C1", "P1"]);
    enter(session, "s4", { name: "Player 4" });
    const preview = seats(room);
    expect(preview).toHaveLength(4);
    startRound(room);
    expect(seats(room)).toEqual(preview);
    for (const [id, p] of session.roster.players) expect(mirror.players.get(id)?.seat).toBe(p.seat);
  });

  it("leaves the seats alone while a round runs and while its results are shown", () => {
    const room = classroom(3, { scenario: "t3-lost-messages", variant: "naive", seed: 2 });
    const { session } = room;
    startRound(room);
    const during = seats(room);
    enter(session, "late", { name: "Late" });
    expect(session.roster.bySessionId("late")?.seat).toBeNull();
    endRound(room);
    expect(seats(room).slice(0, 3)).toEqual(during);
    session.receive("host", "host:config", { scenario: "t3-lost-messages", variant: "fixed" });
    expect(session.roster.bySessionId("late")?.seat).not.toBeNull();
  });
});

describe("the host chooses the broker profile", () => {
  it("runs the round on the profile chosen, shows it in the room's state and keeps it across rounds and a restart", () => {
    const room = classroom(2, { scenario: "t3-lost-messages", variant: "fixed", seed: 3, profile: "nats" });
    const { session, mirror, transport } = room;
    expect(transport.refusals).toEqual([]);
    expect(mirror.settingsSeen?.profile).toBe("nats");
    startRound(room);
    expect(session.play!.round.header.config.broker.profile).toBe("nats");
    endRound(room);
    session.receive("host", "host:start", {});
    tickUntil(room, () => session.phase === "running");
    expect(session.play!.round.header.config.broker.profile).toBe("nats");
    expect(session.snapshot().config.profile).toBe("nats");
    endRound(room);
  });

  it("refuses a profile the variant does not run on, and keeps the choice before", () => {
    const room = classroom(0, { scenario: "t7-ordering", variant: "requeue", seed: 3 });
    const { session, mirror, transport } = room;
    expect(mirror.settingsSeen?.profile).toBe("rabbitmq");
    session.receive("host", "host:config", { scenario: "t7-ordering", variant: "requeue", seed: 3, profile: "kafka" });
    expect(transport.lastRefusal("host")).toBe("profileNotAllowed");
    expect(session.config.profile).toBeNull();
    // A variant on its own profile: the room shows that one.
    session.receive("host", "host:config", { scenario: "t7-ordering", variant: "fixed" });
    expect(mirror.settingsSeen?.profile).toBe("sqs");
  });

  it("refuses a profile that is no broker as a bad message", () => {
    const room = classroom(0);
    room.session.receive("host", "host:config", { scenario: "t3-lost-messages", variant: "fixed", profile: "zeromq" });
    expect(room.transport.lastRefusal("host")).toBe("badMessage");
  });
});

import { describe, expect, it } from "vitest";
import type { SeatDef } from "../../shared/scenarios/catalogue.js";
import { MAX_PLAYERS, Roster, RosterError } from "./Roster.js";

const SEATS: SeatDef[] = [
  { seat: "P1", role: "producer" },
  { seat: "C1", role: "consumer" },
  { seat: "C2", role: "consumer" },
];

describe("Roster", () => {
  it("makes names unique in the room, case-insensitively", () => {
    const r = new Roster();
    expect(r.add("Ana", "s1", false, false).name).toBe("Ana");
    expect(r.add("ana", "s2", false, false).name).toBe("ana 2");
    expect(r.add("Ana", "s3", false, false).name).toBe("Ana 3");
  });

  it("fills teams up to the target size and opens new ones", () => {
    const r = new Roster();
    for (let i = 0; i < 7; i++) r.add(`p${i}`, `s${i}`, false, false);
    expect(r.teams.map((t) => t.length)).toEqual([3, 3, 1]);
  });

  it("at round start forms balanced teams of 3-6 and gives every member a seat", () => {
    const r = new Roster();
    for (let i = 0; i < 200; i++) r.add(`p${i}`, `s${i}`, false, false);
    r.teams = [[...r.players.keys()]]; // a host piled everyone in one team
    r.startRound(SEATS);
    for (const members of r.teams) {
      expect(members.length).toBeGreaterThanOrEqual(3);
      expect(members.length).toBeLessThanOrEqual(6);
    }
    expect(r.teams.flat()).toHaveLength(200);
    expect([...r.players.values()].every((p) => p.seat !== null)).toBe(true);
    expect(r.holders(0, "P1").length).toBeGreaterThanOrEqual(1);
  });

  it("late joiners watch, then play from the next round", () => {
    const r = new Roster();
    r.add("a", "s1", false, false);
    const late = r.add("late", "s2", true, false);
    expect(late.spectator).toBe(true);
    expect(late.team).toBe(-1);
    r.startRound(SEATS);
    expect(late.spectator).toBe(false);
    expect(late.seat).not.toBeNull();
  });

  it("refuses a locked or full room", () => {
    const r = new Roster();
    expect(() => r.add("a", "s", false, true)).toThrow(RosterError);
    for (let i = 0; i < MAX_PLAYERS; i++) r.add(`p${i}`, `s${i}`, false, false);
    expect(() => r.add("x", "sx", false, false)).toThrow(/roomFull/);
  });

  it("resumes a player by token with a new session and keeps the seat", () => {
    const r = new Roster();
    const p = r.add("a", "s1", false, false);
    r.startRound(SEATS);
    r.drop("s1", 1000);
    expect(p.connected).toBe(false);
    r.resume(r.byResumeToken(p.resumeToken)!, "s9");
    expect(r.bySessionId("s9")).toBe(p);
    expect(r.bySessionId("s1")).toBeUndefined();
    expect(p.connected).toBe(true);
    expect(p.seat).toBe("P1");
  });

  it("moves a player between teams", () => {
    const r = new Roster();
    const a = r.add("a", "s1", false, false);
    r.add("b", "s2", false, false);
    expect(r.move(a.id, 1)?.team).toBe(1);
    expect(r.teams[0]).not.toContain(a.id);
    expect(r.move("nobody", 0)).toBeNull();
    expect(r.move(a.id, 9)).toBeNull();
  });

  it("survives a snapshot: same players, teams and seats, resumable only with their token", () => {
    const r = new Roster();
    const a = r.add("a", "s1", false, false);
    r.add("b", "s2", false, false);
    r.startRound(SEATS);
    const snap = JSON.parse(JSON.stringify(r.snapshot()));
    expect(JSON.stringify(snap)).not.toContain(a.resumeToken);
    const back = Roster.restore(snap, 5000);
    expect(back.byResumeToken(a.resumeToken)?.id).toBe(a.id);
    expect(back.byResumeToken("nope")).toBeUndefined();
    expect(back.players.get(a.id)).toMatchObject({ name: "a", seat: a.seat, team: a.team, connected: false });
  });

  it("keeps the resume tokens through a second restart (a restored roster knows only their hashes)", () => {
    const r = new Roster();
    const a = r.add("a", "s1", false, false);
    const once = Roster.restore(JSON.parse(JSON.stringify(r.snapshot())), 5000);
    once.resume(once.byResumeToken(a.resumeToken)!, "s2");
    const twice = Roster.restore(JSON.parse(JSON.stringify(once.snapshot())), 6000);
    expect(twice.byResumeToken(a.resumeToken)?.id).toBe(a.id);
  });
});

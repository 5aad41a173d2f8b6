// The browser's structural view of the room's state (shared/view/roomState.ts) must stay
// true to the schema the server synchronises: this file fails to typecheck when they part.
import { describe, expect, it } from "vitest";
import { ClassState, LinkState, NodeState, TeamState } from "../server/rooms/schema.js";
import type { RoomStateView } from "../shared/view/roomState.js";

describe("room state view", () => {
  it("reads the server's schema state (phase and roles as the schema's plain strings)", () => {
    const state = new ClassState();
    const team = new TeamState();
    team.nodes.set("P1", Object.assign(new NodeState(), { role: "producer" }));
    team.links.set("P1>B", new LinkState());
    state.teams.push(team);
    const view: RoomStateView<string, string> = state;
    const [read] = [...view.teams];
    expect(read.nodes?.get("P1")?.role).toBe("producer");
    expect(read.links?.size).toBe(1);
    expect(view.phase).toBe("lobby");
    expect([read.lost, read.pending, read.raceAnomalies]).toEqual([0, 0, 0]);
  });
});

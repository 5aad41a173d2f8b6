// The room's synchronised state (schema 5). Public fields reach everyone (the overview and
// the leaderboard); fields marked .view() reach only the StateViews that added the object:
// a team's players go to that team's phones and to the projector, a team's pipeline (nodes
// and links) to the projector only (see SchemaMirror).
import { schema, t, type SchemaType } from "@colyseus/schema";

export const PlayerState = schema(
  {
    name: t.string().default(""),
    team: t.int16().default(-1),
    seat: t.string().default(""),
    connected: t.boolean().default(true),
    spectator: t.boolean().default(false),
    /** The sequence number of the last action of this player the server applied: its patch closes the latency loop. */
    lastAction: t.uint32().default(0),
    /** "" | "nudged" | "bot": idle while the seat has work; "bot" while a bot plays the seat for them. */
    idle: t.string().default(""),
  },
  "Player",
);
export type PlayerState = SchemaType<typeof PlayerState>;

export const NodeState = schema(
  {
    role: t.string().default(""),
    up: t.boolean().default(true),
    /** Broker: messages queued; consumer: tokens in its inbox; producer: events still to send. */
    load: t.uint16().default(0),
    busy: t.boolean().default(false),
    bot: t.boolean().default(true),
  },
  "Node",
);
export type NodeState = SchemaType<typeof NodeState>;

export const LinkState = schema(
  {
    cut: t.boolean().default(false),
    /** Packets on the wire right now. */
    flying: t.uint16().default(0),
  },
  "Link",
);
export type LinkState = SchemaType<typeof LinkState>;

export const TeamState = schema(
  {
    name: t.string().default(""),
    committed: t.uint16().default(0),
    applied: t.uint16().default(0),
    lost: t.uint16().default(0),
    duplicated: t.uint16().default(0),
    misordered: t.uint16().default(0),
    inconsistent: t.uint16().default(0),
    raceAnomalies: t.uint16().default(0),
    wrongFinalState: t.uint16().default(0),
    refused: t.uint16().default(0),
    /** Committed expected effects not applied yet and not certainly lost: settled by the drain. */
    pending: t.uint16().default(0),
    staleWrites: t.uint16().default(0),
    /** Compare-and-set conflicts (each write read again and redone). */
    conflicts: t.uint16().default(0),
    /** Messages parked in a dead-letter queue (or kept in the stream past their delivery limit), never applied. */
    parked: t.uint16().default(0),
    score: t.int32().default(0),
    members: t.uint8().default(0),
    nodes: t.map(NodeState).view(),
    links: t.map(LinkState).view(),
  },
  "Team",
);
export type TeamState = SchemaType<typeof TeamState>;

/** Lesson mode: where the class is, and whether the phones show the poll or the prediction. */
export const LessonState = schema(
  {
    active: t.boolean().default(false),
    /** 1..9; 0 when inactive and at the closing summary. */
    topic: t.uint8().default(0),
    /** prompt | poll | predict | round | debrief | summary; "" when inactive. */
    step: t.string().default(""),
    /** Index into the topic's rounds of the variant the next (or current) round plays. */
    roundIndex: t.uint8().default(0),
    pollOpen: t.boolean().default(false),
    predictOpen: t.boolean().default(false),
    /** The definition the class agreed on, "" until pinned. */
    pinned: t.string().default(""),
    /** People who answered the open poll or prediction. */
    answered: t.uint16().default(0),
  },
  "Lesson",
);
export type LessonState = SchemaType<typeof LessonState>;

/** A team's design for a design round: setting -> value, every end (public: the team negotiates across its ends, the projector shows all). */
export const DesignState = schema(
  {
    choices: t.map("string"),
  },
  "Design",
);
export type DesignState = SchemaType<typeof DesignState>;

export const ClassState = schema(
  {
    code: t.string().default(""),
    /** lobby | design | countdown | running | paused | draining | over */
    phase: t.string().default("lobby"),
    scenario: t.string().default("t3-lost-messages"),
    variant: t.string().default("naive"),
    /** The broker profile the next (or current) round runs on: its vocabulary on every screen. */
    profile: t.string().default("rabbitmq"),
    seed: t.int32().default(0),
    gameId: t.string().default(""),
    round: t.uint16().default(0),
    tick: t.uint32().default(0),
    roundTicks: t.uint32().default(0),
    countdown: t.uint8().default(0),
    /** Seconds left in the design phase. */
    designLeft: t.uint16().default(0),
    locked: t.boolean().default(false),
    focusedTeam: t.int16().default(0),
    playerCount: t.uint16().default(0),
    teams: t.array(TeamState),
    players: t.map(PlayerState).view(),
    lesson: t.ref(LessonState),
    /** Index = team; empty until the room's first design phase. */
    designs: t.array(DesignState),
  },
  "ClassState",
);
export type ClassState = SchemaType<typeof ClassState>;

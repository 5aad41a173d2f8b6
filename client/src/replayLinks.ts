// Links into the replay viewer (/replay) from the projector: a round by its game id, the
// team and the tick to open at (a cause group's first anomaly), the message to follow, and
// a second round to show beside it. The viewer fetches both logs with the host key this
// browser keeps, so nothing is downloaded. Teams are numbered from 1 in the address, as on
// screen.

export interface ReplayTarget {
  game: string;
  /** 0-based, like the room's teams. */
  team?: number;
  tick?: number;
  /** A message id to follow. */
  msg?: string;
  /** Another game of this browser's rooms, shown beside the first. */
  compare?: string;
}

export function replayUrl(target: ReplayTarget): string {
  const params = new URLSearchParams({ game: target.game });
  if (target.team !== undefined) params.set("team", String(target.team + 1));
  if (target.tick !== undefined) params.set("tick", String(target.tick));
  if (target.msg) params.set("msg", target.msg);
  if (target.compare) params.set("compare", target.compare);
  return `/replay?${params.toString()}`;
}

const wholeNumber = (text: string | null): number | undefined => (text !== null && /^\d{1,7}$/.test(text) ? Number(text) : undefined);

/** The replay page's address read back; a malformed part is left out, never guessed. */
export function parseReplayTarget(search: string): ReplayTarget | null {
  const params = new URLSearchParams(search);
  const game = params.get("game");
  if (!game) return null;
  const target: ReplayTarget = { game };
  const team = wholeNumber(params.get("team"));
  if (team !== undefined && team >= 1) target.team = team - 1;
  const tick = wholeNumber(params.get("tick"));
  if (tick !== undefined) target.tick = tick;
  const msg = params.get("msg");
  if (msg && /^[A-Za-z0-9-]{1,32}$/.test(msg)) target.msg = msg;
  const compare = params.get("compare");
  if (compare) target.compare = compare;
  return target;
}

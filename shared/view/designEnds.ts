// Which end of the pipeline each seat of a team designs in a design round (docs/game.md, the
// design round). A seat designs its own end (P1 the producer, C2 the consumer, B the broker).
// A variant whose broker runs itself has no broker seat, yet the broker's settings are a
// choice too: then the last seat of the most crowded end (P2 beside P1, C3 beside C1 and C2)
// designs it, so a team of three already designs every end. An end no seat designs keeps the
// bots' design. Pure: the room and the pages compute the same answer from the seats alone.
import { DESIGN_ENDS, endOfSeat, type DesignEnd } from "../design/settings.js";

const seatNumber = (seat: string): number => Number(/\d+$/.exec(seat)?.[0] ?? 0);

/** Seat -> the end it designs, for the seats a team's people hold. */
export function designEndsOf(seats: Iterable<string>): Map<string, DesignEnd> {
  const held = [...new Set(seats)].filter((s) => endOfSeat(s) !== null).sort((a, b) => seatNumber(a) - seatNumber(b) || (a < b ? -1 : a > b ? 1 : 0));
  const ends = new Map<string, DesignEnd>(held.map((s) => [s, endOfSeat(s) as DesignEnd]));
  for (const missing of DESIGN_ENDS) {
    const designers = (end: DesignEnd) => held.filter((s) => ends.get(s) === end);
    if (designers(missing).length > 0) continue;
    const crowded = DESIGN_ENDS.filter((end) => designers(end).length >= 2).sort((a, b) => designers(b).length - designers(a).length)[0];
    if (!crowded) continue;
    ends.set(designers(crowded).at(-1) as string, missing);
  }
  return ends;
}

/** The end a seat designs in its team, null for a seat with no end. */
export function designEndOf(seat: string, teamSeats: Iterable<string>): DesignEnd | null {
  return designEndsOf([...teamSeats, seat]).get(seat) ?? null;
}

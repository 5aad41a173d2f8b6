// Small text helpers. Text objects re-render their canvas and re-upload a texture on every
// setText: setTextIfChanged skips the call when nothing changed.

import type Phaser from "phaser";

export function setTextIfChanged(text: Phaser.GameObjects.Text, value: string): void {
  if (text.text !== value) text.setText(value);
}

/** "Team 7 · Blue Whales", or just "Team 7" when the team has no name of its own. */
export function teamTitle(teamWord: string, team: number, name: string): string {
  // Teams are numbered from 1 for people (the index is 0-based); a name that only repeats the number adds nothing.
  const numbered = `${teamWord} ${team + 1}`;
  const trimmed = name.trim();
  return trimmed === "" || trimmed === String(team + 1) || trimmed.toLowerCase() === numbered.toLowerCase() ? numbered : `${numbered} · ${trimmed}`;
}

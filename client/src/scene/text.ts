// Small text helpers. Text objects re-render their canvas and re-upload a texture on every
// setText: setTextIfChanged skips the call when nothing changed.

import type Phaser from "phaser";

/** Sets the text when it differs; true when it did. */
export function setTextIfChanged(text: Phaser.GameObjects.Text, value: string): boolean {
  if (text.text === value) return false;
  text.setText(value);
  return true;
}

/** Shortens a text with an ellipsis until it is at most `maxWidth` wide (a long name never leaves its panel). */
export function fitWidth(text: Phaser.GameObjects.Text, maxWidth: number): void {
  const full = text.text;
  if (text.width <= maxWidth || full.length < 2) return;
  let end = ellipsisCut(full.length, maxWidth / text.width);
  text.setText(`${full.slice(0, end)}…`);
  while (text.width > maxWidth && end > 1) text.setText(`${full.slice(0, --end)}…`);
}

/** Where to cut a text of `length` characters so that about `ratio` of its width remains, ellipsis included. */
export function ellipsisCut(length: number, ratio: number): number {
  return Math.max(1, Math.min(length - 1, Math.floor(length * ratio) - 1));
}

/** "Team 7 · Blue Whales", or just "Team 7" when the team has no name of its own. */
export function teamTitle(teamWord: string, team: number, name: string): string {
  // Teams are numbered from 1 for people (the index is 0-based); a name that only repeats the number adds nothing.
  const numbered = `${teamWord} ${team + 1}`;
  const trimmed = name.trim();
  return trimmed === "" || trimmed === String(team + 1) || trimmed.toLowerCase() === numbered.toLowerCase() ? numbered : `${numbered} · ${trimmed}`;
}

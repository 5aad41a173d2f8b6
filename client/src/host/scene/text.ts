// Text objects re-render their canvas and re-upload a texture on every setText: skip the
// call when nothing changed.

import type Phaser from "phaser";

export function setTextIfChanged(text: Phaser.GameObjects.Text, value: string): void {
  if (text.text !== value) text.setText(value);
}

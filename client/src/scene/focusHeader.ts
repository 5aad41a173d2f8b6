// The focused team's title band (name, anomaly counts, score) and the legend of token
// shapes under the pipeline.

import type Phaser from "phaser";
import type { SceneLabels, TeamModel } from "./model.js";
import type { FocusBands } from "./layout.js";
import { DEFAULT_COUNT_KINDS, FONT_FAMILY, TOKEN_KINDS, colours, countGlyphs, css, tokenStyle, type CountKind } from "./palette.js";
import { tokenRadius } from "./flatShapes.js";
import { setTextIfChanged, teamTitle } from "./text.js";

export class FocusHeader {
  private readonly name: Phaser.GameObjects.Text;
  private readonly score: Phaser.GameObjects.Text;
  private counts: Phaser.GameObjects.Text[] = [];
  private kinds: readonly CountKind[] = [];
  private readonly legendGraphics: Phaser.GameObjects.Graphics;
  private legendTexts: Phaser.GameObjects.Text[] = [];
  private tokenWords: Record<string, string> = {};
  private tokenKinds: readonly string[] = TOKEN_KINDS;
  private bands: FocusBands | undefined;
  private scale = 1;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {
    this.name = this.text(colours.text).setOrigin(0, 0.5);
    this.score = this.text(colours.text).setOrigin(1, 0.5);
    this.setCountKinds(DEFAULT_COUNT_KINDS);
    this.legendGraphics = scene.add.graphics().setDepth(depth);
  }

  private text(colour: number): Phaser.GameObjects.Text {
    return this.scene.add.text(0, 0, "", { fontFamily: FONT_FAMILY, fontStyle: "bold", color: css(colour) }).setDepth(this.depth);
  }

  /** The counts the header shows, right of the team's name. */
  setCountKinds(kinds: readonly CountKind[]): void {
    if (kinds.join() === this.kinds.join()) return;
    for (const count of this.counts) count.destroy();
    this.kinds = [...kinds];
    this.counts = kinds.map((kind) =>
      this.text(colours[kind])
        .setOrigin(1, 0.5)
        .setFontSize(Math.round(30 * this.scale)),
    );
  }

  setLayout(bands: FocusBands, scale: number): void {
    this.bands = bands;
    this.scale = scale;
    this.name.setFontSize(Math.round(42 * scale));
    this.score.setFontSize(Math.round(42 * scale));
    for (const count of this.counts) count.setFontSize(Math.round(30 * scale));
    this.drawLegend();
  }

  /** The token kinds the legend shows: those the focused team's pipeline can carry. */
  setTokenKinds(kinds: readonly string[]): void {
    if (kinds.join() === this.tokenKinds.join()) return;
    this.tokenKinds = kinds;
    this.drawLegend();
  }

  /** The legend's words for the token kinds (publish, deliver…), in the page's language. */
  setTokenWords(words: Record<string, string>): void {
    if (JSON.stringify(words) === JSON.stringify(this.tokenWords)) return;
    this.tokenWords = words;
    this.drawLegend();
  }

  setTeam(team: TeamModel | null, labels: SceneLabels): void {
    const bands = this.bands;
    if (!bands) return;
    const visible = team !== null;
    for (const text of [this.name, this.score, ...this.counts]) text.setVisible(visible);
    if (!team) return;
    const y = bands.header.y + bands.header.h / 2;
    setTextIfChanged(this.name, teamTitle(labels.team, team.team, team.name));
    setTextIfChanged(this.score, `${labels.score}: ${team.score}`);
    const values = this.kinds.map((kind) => `${countGlyphs[kind]} ${team[kind]}`);
    const raw = this.kinds.map((kind) => team[kind]);
    this.name.setPosition(bands.header.x, y);
    this.score.setPosition(bands.header.x + bands.header.w, y);
    let right = this.score.x - this.score.width - 40 * this.scale;
    this.counts.forEach((count, index) => {
      setTextIfChanged(count, values[index]!);
      count.setAlpha(raw[index]! > 0 ? 1 : 0.45);
    });
    for (let index = this.counts.length - 1; index >= 0; index--) {
      const count = this.counts[index]!;
      count.setPosition(right, y);
      right -= count.width + 26 * this.scale;
    }
  }

  destroy(): void {
    for (const text of [this.name, this.score, ...this.counts, ...this.legendTexts]) text.destroy();
    this.legendGraphics.destroy();
  }

  /** One swatch per token kind, the same shape and colour as the tokens in flight. */
  private drawLegend(fit = 1): void {
    const bands = this.bands;
    if (!bands) return;
    for (const text of this.legendTexts) text.destroy();
    this.legendTexts = [];
    const g = this.legendGraphics;
    g.clear();
    const s = this.scale * fit;
    const r = tokenRadius(s);
    const y = bands.legend.y + bands.legend.h / 2;
    let x = bands.legend.x + r;
    for (const kind of this.tokenKinds) {
      const style = tokenStyle(kind);
      g.fillStyle(style.colour, 1);
      if (style.shape === "circle") {
        g.fillCircle(x, y, r);
      } else {
        const d = r * 1.2;
        g.fillTriangle(x, y - d, x + d, y, x, y + d);
        g.fillTriangle(x, y - d, x - d, y, x, y + d);
      }
      const label = this.scene.add
        .text(x + r + 8 * s, y, this.tokenWords[kind] ?? kind, {
          fontFamily: FONT_FAMILY,
          fontSize: `${Math.round(24 * s)}px`,
          color: css(colours.textDim),
        })
        .setOrigin(0, 0.5)
        .setDepth(this.name.depth);
      this.legendTexts.push(label);
      x += r * 2 + 8 * s + label.width + 30 * s;
    }
    // Longer words (a language switch) or a narrower panel: the legend shrinks to stay inside it.
    const used = x - 30 * s - bands.legend.x;
    if (used > bands.legend.w && fit === 1) this.drawLegend(Math.max(0.5, (bands.legend.w / used) * 0.98));
  }
}

// The focused team's pipeline, large: nodes (shape by role), their labels, and the links
// between them. Graphics are redrawn and texts re-rendered only when what they show
// changed; the room's 10 Hz updates mostly touch a load number or nothing at all.

import type Phaser from "phaser";
import type { LinkModel, NodeModel, NodeRole, SceneLabels, TeamModel } from "./model.js";
import { crowdedColumn, lanePoint, linkLane, nodeCentres, nodeHalfSize, nodeUnit, type Lane, type Point, type Rect } from "./layout.js";
import { arrowHead, dashedLine, shapePath } from "./focusedShapes.js";
import { FONT_FAMILY, colours, css, roleColours } from "./palette.js";
import { fitWidth, setTextIfChanged } from "./text.js";

interface NodeTexts {
  id: Phaser.GameObjects.Text;
  /** Who plays the node, right under it. */
  names: Phaser.GameObjects.Text;
  role: Phaser.GameObjects.Text;
  load: Phaser.GameObjects.Text;
  bot: Phaser.GameObjects.Text;
  down: Phaser.GameObjects.Text;
}

export class FocusedTeamView {
  private team: TeamModel | null = null;
  private area: Rect = { x: 0, y: 0, w: 1, h: 1 };
  private scale = 1;
  private unit = 1;
  private structureKey = "";
  private styleKey = "";
  private readonly centres = new Map<string, Point>();
  private readonly roles = new Map<string, NodeRole>();
  private readonly lanes = new Map<string, Lane>();
  private readonly texts = new Map<string, NodeTexts>();
  /** How wide a node's label lines may be before they leave the panel. */
  private readonly labelWidths = new Map<string, number>();
  private readonly cutTexts = new Map<string, Phaser.GameObjects.Text>();
  private readonly linkGraphics: Phaser.GameObjects.Graphics;
  private readonly nodeGraphics: Phaser.GameObjects.Graphics;
  /** Bumped whenever lanes move, so token flights re-read their lane. */
  laneVersion = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private labels: SceneLabels,
    private readonly depths: { links: number; nodes: number; labels: number },
  ) {
    this.linkGraphics = scene.add.graphics().setDepth(depths.links);
    this.nodeGraphics = scene.add.graphics().setDepth(depths.nodes);
  }

  setLayout(area: Rect, scale: number): void {
    this.area = area;
    this.scale = scale;
    this.structureKey = "";
    if (this.team) this.apply(this.team);
  }

  setTeam(team: TeamModel | null): void {
    this.team = team;
    if (team) {
      this.apply(team);
      return;
    }
    this.structureKey = "";
    this.clearStructure();
  }

  setLabels(labels: SceneLabels): void {
    this.labels = labels;
    if (this.team) this.apply(this.team);
  }

  readonly laneOf = (link: string): Lane | undefined => this.lanes.get(link);

  /** Where a marker about a node or a link should appear. */
  anchorOf(at: string): Point | undefined {
    const lane = this.lanes.get(at);
    if (lane) return lanePoint(lane, 0.5);
    const centre = this.centres.get(at);
    const role = this.roles.get(at);
    if (!centre || !role) return undefined;
    const { hh } = nodeHalfSize(role, 60 * this.unit);
    return { x: centre.x, y: centre.y - hh - 40 * this.unit };
  }

  /** Where a token dropped on a link (its middle) or discarded at a node (its shoulder) shows. */
  dropPointOf(at: string): Point | undefined {
    const lane = this.lanes.get(at);
    if (lane) return lanePoint(lane, 0.5);
    const centre = this.centres.get(at);
    const role = this.roles.get(at);
    if (!centre || !role) return undefined;
    const { hw, hh } = nodeHalfSize(role, 60 * this.unit);
    return { x: centre.x + hw * 0.75, y: centre.y - hh * 0.75 };
  }

  destroy(): void {
    this.clearStructure();
    this.linkGraphics.destroy();
    this.nodeGraphics.destroy();
  }

  private apply(team: TeamModel): void {
    const structure = `${team.nodes.map((n) => `${n.id}/${n.role}`).join(",")}|${team.links.map((l) => `${l.id}/${l.from}/${l.to}`).join(",")}`;
    if (structure !== this.structureKey) {
      this.structureKey = structure;
      this.buildStructure(team);
    }
    const style = `${team.nodes.map((n) => `${n.up ? 1 : 0}${n.busy ? 1 : 0}${n.bot ? 1 : 0}`).join("")}|${team.links.map((l) => (l.cut ? 1 : 0)).join("")}`;
    if (style !== this.styleKey) {
      this.styleKey = style;
      this.drawLinks(team.links);
      this.drawNodes(team.nodes);
    }
    for (const node of team.nodes) this.updateNodeTexts(node);
  }

  private buildStructure(team: TeamModel): void {
    this.clearStructure();
    this.unit = nodeUnit(this.area, crowdedColumn(team.nodes), this.scale);
    const radius = 60 * this.unit;
    for (const [id, centre] of nodeCentres(team.nodes, this.area)) {
      this.centres.set(id, centre);
      this.labelWidths.set(id, 2 * Math.min(centre.x - this.area.x, this.area.x + this.area.w - centre.x) - 8 * this.unit);
    }
    for (const node of team.nodes) this.roles.set(node.id, node.role);
    for (const link of team.links) {
      const from = this.centres.get(link.from);
      const to = this.centres.get(link.to);
      const fromRole = this.roles.get(link.from);
      const toRole = this.roles.get(link.to);
      if (!from || !to || !fromRole || !toRole) continue;
      this.lanes.set(link.id, linkLane({ centre: from, role: fromRole, radius }, { centre: to, role: toRole, radius }, 12 * this.unit));
    }
    for (const node of team.nodes) this.texts.set(node.id, this.createNodeTexts(node));
    this.laneVersion += 1;
    this.styleKey = "";
  }

  private clearStructure(): void {
    for (const texts of this.texts.values()) {
      for (const text of Object.values(texts)) text.destroy();
    }
    for (const text of this.cutTexts.values()) text.destroy();
    this.texts.clear();
    this.cutTexts.clear();
    this.centres.clear();
    this.labelWidths.clear();
    this.roles.clear();
    this.lanes.clear();
    this.linkGraphics.clear();
    this.nodeGraphics.clear();
    this.laneVersion += 1;
  }

  private createNodeTexts(node: NodeModel): NodeTexts {
    const u = this.unit;
    const centre = this.centres.get(node.id)!;
    const { hw, hh } = nodeHalfSize(node.role, 60 * u);
    const add = (x: number, y: number, size: number, style: Phaser.Types.GameObjects.Text.TextStyle) =>
      this.scene.add.text(x, y, "", { fontFamily: FONT_FAMILY, fontSize: `${Math.round(size)}px`, ...style }).setDepth(this.depths.labels);
    const pill = { left: 8 * u, right: 8 * u, top: 3 * u, bottom: 3 * u };
    const id = add(centre.x, centre.y, 36 * u, { fontStyle: "bold", color: "#ffffff" }).setOrigin(0.5);
    id.setText(node.id);
    const names = add(centre.x, centre.y + hh + 8 * u, 27 * u, { fontStyle: "bold", color: css(colours.focus) }).setOrigin(0.5, 0);
    const role = add(centre.x, centre.y + hh + 42 * u, 24 * u, { color: css(colours.textDim) }).setOrigin(0.5, 0);
    const load = add(centre.x, centre.y + hh + 72 * u, 26 * u, { fontStyle: "bold", color: "#ffffff" }).setOrigin(0.5, 0);
    // On the shoulder away from the node's links: producers send to the right.
    const left = node.role === "producer";
    const bot = add(centre.x + (left ? -1 : 1) * hw * 0.72, centre.y - hh * 0.92, 17 * u, {
      fontStyle: "bold",
      color: "#0b1020",
      backgroundColor: "#c9d4ea",
      padding: pill,
    }).setOrigin(left ? 1 : 0, 0.5);
    const down = add(centre.x, centre.y - hh - 8 * u, 21 * u, {
      fontStyle: "bold",
      color: "#ffffff",
      backgroundColor: css(colours.cross),
      padding: pill,
    }).setOrigin(0.5, 1);
    return { id, names, role, load, bot, down };
  }

  private updateNodeTexts(node: NodeModel): void {
    const texts = this.texts.get(node.id);
    if (!texts) return;
    const labels = this.labels;
    const loadLabel = node.role === "broker" ? labels.queued : node.role === "consumer" ? labels.inbox : labels.toSend;
    const width = this.labelWidths.get(node.id) ?? Infinity;
    if (setTextIfChanged(texts.names, (node.players ?? []).join(", "))) fitWidth(texts.names, width);
    if (setTextIfChanged(texts.role, labels.roles[node.role])) fitWidth(texts.role, width);
    if (setTextIfChanged(texts.load, `${loadLabel}: ${node.load}`)) fitWidth(texts.load, width);
    setTextIfChanged(texts.bot, labels.bot);
    setTextIfChanged(texts.down, labels.down.toUpperCase());
    texts.bot.setVisible(node.bot);
    texts.down.setVisible(!node.up);
    const idColour = node.up ? "#ffffff" : "#d5d9e2";
    if (texts.id.style.color !== idColour) texts.id.setColor(idColour);
    texts.load.setAlpha(node.up ? 1 : 0.6);
  }

  private drawLinks(links: readonly LinkModel[]): void {
    const g = this.linkGraphics;
    const u = this.unit;
    g.clear();
    for (const link of links) {
      const lane = this.lanes.get(link.id);
      if (!lane) continue;
      const colour = link.cut ? colours.linkCut : colours.link;
      if (link.cut) {
        g.lineStyle(4.5 * u, colour, 1);
        dashedLine(g, lane, 16 * u, 10 * u);
      } else {
        g.lineStyle(3.5 * u, colour, 0.95);
        g.lineBetween(lane.x1, lane.y1, lane.x2, lane.y2);
      }
      arrowHead(g, lane, 16 * u, 8 * u, colour);
      this.updateCutText(link, lane);
    }
  }

  private updateCutText(link: LinkModel, lane: Lane): void {
    let text = this.cutTexts.get(link.id);
    if (!link.cut) {
      text?.setVisible(false);
      return;
    }
    if (!text) {
      const u = this.unit;
      const mid = lanePoint(lane, 0.5);
      const length = Math.hypot(lane.x2 - lane.x1, lane.y2 - lane.y1) || 1;
      // Outside the lane, on the side away from the opposite direction's lane.
      const nx = (-(lane.y2 - lane.y1) / length) * 30 * u;
      const ny = ((lane.x2 - lane.x1) / length) * 30 * u;
      text = this.scene.add
        .text(mid.x + nx, mid.y + ny, `✂ ${link.id}`, {
          fontFamily: FONT_FAMILY,
          fontSize: `${Math.round(22 * u)}px`,
          fontStyle: "bold",
          color: "#ffffff",
          backgroundColor: css(colours.linkCut),
          padding: { left: 8 * u, right: 8 * u, top: 3 * u, bottom: 3 * u },
        })
        .setOrigin(0.5)
        .setDepth(this.depths.labels);
      this.cutTexts.set(link.id, text);
    }
    text.setVisible(true);
  }

  private drawNodes(nodes: readonly NodeModel[]): void {
    const g = this.nodeGraphics;
    const u = this.unit;
    const radius = 60 * u;
    g.clear();
    for (const node of nodes) {
      const c = this.centres.get(node.id);
      if (!c) continue;
      if (node.up && node.busy) {
        g.lineStyle(6 * u, colours.busy, 1);
        shapePath(g, node.role, c, radius + 10 * u, false);
      }
      g.fillStyle(node.up ? roleColours[node.role] : colours.down, 1);
      shapePath(g, node.role, c, radius, true);
      g.lineStyle(3.5 * u, node.up ? 0xffffff : colours.downEdge, node.up ? 0.9 : 1);
      shapePath(g, node.role, c, radius, false);
      if (!node.up) {
        const { hw, hh } = nodeHalfSize(node.role, radius);
        const arm = Math.min(hw, hh) * 0.72;
        g.lineStyle(9 * u, colours.cross, 0.95);
        g.lineBetween(c.x - arm, c.y - arm, c.x + arm, c.y + arm);
        g.lineBetween(c.x + arm, c.y - arm, c.x - arm, c.y + arm);
      }
    }
  }
}

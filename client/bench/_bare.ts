import Phaser from "phaser";
const q = new URLSearchParams(location.search);
const n = Number(q.get("n") ?? 0), mode = q.get("mode") ?? "none";
class S extends Phaser.Scene {
  g?: Phaser.GameObjects.Graphics; bobs: Phaser.GameObjects.Bob[] = [];
  create() {
    const sz = Number(q.get("sz") ?? 20); const tex = this.textures.createCanvas("tok", sz, sz)!; const c = tex.getContext(); c.beginPath(); c.arc(10, 10, 8, 0, Math.PI * 2); c.fillStyle = "#4cc9f0"; c.fill(); c.strokeStyle = "#000"; c.lineWidth = 2; c.stroke(); tex.refresh();
    if (mode === "blit") { const b = this.add.blitter(0, 0, "tok"); for (let i = 0; i < n; i++) this.bobs.push(b.create(0, 0)); }
    if (mode === "gfx") this.g = this.add.graphics();
    if (mode === "text") for (let i = 0; i < n; i++) this.add.text(50 + (i % 5) * 300, 50 + Math.floor(i / 5) * 60, "inbox: " + i, { fontSize: "28px", fontStyle: "bold" });
    if (mode === "atlas") { const t = this.textures.createCanvas("atlas", 1024, 1024)!; const c = t.getContext(); c.font = "bold 28px sans-serif"; c.fillStyle = "#fff"; for (let i = 0; i < n; i++) { const x = (i % 5) * 200, y = Math.floor(i / 5) * 40; c.fillText("inbox: " + i, x, y + 30); t.add("f" + i, 0, x, y, 150, 36); } t.refresh(); for (let i = 0; i < n; i++) this.add.image(50 + (i % 5) * 300, 50 + Math.floor(i / 5) * 60, "atlas", "f" + i).setOrigin(0, 0); }
  }
  update(time: number) {
    const t = time / 1000;
    if (mode === "blit") this.bobs.forEach((b, i) => { b.x = 100 + ((i * 37 + t * 100) % 1100); b.y = 100 + (i % 40) * 20; });
    if (this.g) { const g = this.g; g.clear(); for (let i = 0; i < n; i++) { const x = 100 + ((i * 37 + t * 100) % 1100), y = 100 + (i % 40) * 20; g.fillStyle(i % 2 ? 0x4cc9f0 : 0xffd166, 1); if (i % 2) { g.fillTriangle(x, y - 9, x + 9, y, x, y + 9); g.fillTriangle(x, y - 9, x - 9, y, x, y + 9); } else g.fillCircle(x, y, 8); } }
  }
}
new Phaser.Game({ type: Phaser.WEBGL, parent: document.getElementById("view")!, width: 1920, height: 1080, banner: false, audio: { noAudio: true }, render: { antialiasGL: false, antialias: q.get("aa") !== "0", maxTextures: Number(q.get("mt") ?? -1) }, scene: S });
const d: number[] = []; const m: number[] = []; let last = 0; const start = performance.now();
const f = (t: number) => { const now = performance.now(); if (last && now - start > 1000) { d.push(t - last); m.push(now - t); } last = t; if (now - start < 4000) requestAnimationFrame(f); else { d.sort((a, b) => a - b); m.sort((a, b) => a - b); (window as any).__benchResult = { n: d.length, p50: d[d.length >> 1], fps: d.length / 3, main: m[m.length >> 1] }; } };
requestAnimationFrame(f);

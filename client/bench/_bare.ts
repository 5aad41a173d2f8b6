import Phaser from "phaser";
const q = new URLSearchParams(location.search);
const n = Number(q.get("n") ?? 0), w = Number(q.get("w") ?? 160), h = Number(q.get("h") ?? 95), k = Number(q.get("k") ?? 1);
class S extends Phaser.Scene { create() {
  if (q.get("g")) { const g = this.add.graphics(); g.fillStyle(0x223344); g.fillRect(10, 10, 1200, 1000); }
  for (let t = 0; t < k; t++) { const tex = this.textures.createCanvas("t" + t, w, h)!; const c = tex.getContext(); c.fillStyle = "#345"; c.fillRect(0, 0, w, h); c.fillStyle = "#fff"; c.font = "20px sans-serif"; c.fillText("Team " + t, 5, 30); tex.refresh(); }
  for (let i = 0; i < n; i++) this.add.image(1260 + (i % 4) * 165, 10 + Math.floor(i / 4) * 100, "t" + (i % k)).setOrigin(0, 0);
} }
new Phaser.Game({ type: Phaser.WEBGL, parent: document.getElementById("view")!, width: 1920, height: 1080, banner: false, audio: { noAudio: true }, render: { antialiasGL: false, maxTextures: Number(q.get("mt") ?? -1) }, scene: S });
const d: number[] = []; let last = 0; const start = performance.now();
const f = (t: number) => { if (last && performance.now() - start > 1000) d.push(t - last); last = t; if (performance.now() - start < 4000) requestAnimationFrame(f); else { d.sort((a, b) => a - b); (window as any).__benchResult = { n: d.length, p50: d[d.length >> 1], fps: d.length / 3 }; } };
requestAnimationFrame(f);

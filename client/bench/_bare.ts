import Phaser from "phaser";
const q = new URLSearchParams(location.search);
class S extends Phaser.Scene { create() { if (q.get("g")) { const g = this.add.graphics(); g.fillStyle(0x223344); g.fillRect(10, 10, 1200, 1000); } } }
new Phaser.Game({ type: Phaser.WEBGL, parent: document.getElementById("view")!, width: 1920, height: 1080, banner: false, audio: { noAudio: true }, render: { antialiasGL: false }, scale: q.get("fit") ? { mode: Phaser.Scale.FIT, width: 1920, height: 1080 } : undefined, scene: S });
const d: number[] = []; let last = 0; const start = performance.now();
const f = (t: number) => { if (last && performance.now() - start > 1000) d.push(t - last); last = t; if (performance.now() - start < 4000) requestAnimationFrame(f); else { d.sort((a, b) => a - b); (window as any).__benchResult = { n: d.length, p50: d[d.length >> 1], main: 0 }; } };
requestAnimationFrame(f);

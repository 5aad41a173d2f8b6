import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vite";

// The client: the join/phone page (index.html, no game engine) and the host page
// (host.html, Phaser loaded after the page). `npm run dev` serves it with live reload and
// proxies the API and the WebSockets to the game server on GAME_SERVER (default :2567).
const server = process.env.GAME_SERVER ?? "http://127.0.0.1:2567";

export default defineConfig({
  root: "client",
  publicDir: false,
  build: {
    outDir: resolve("dist/client"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    manifest: true,
    rolldownOptions: {
      input: Object.fromEntries(
        ["index", "host", "replay"].filter((page) => existsSync(resolve(`client/${page}.html`))).map((page) => [page, resolve(`client/${page}.html`)]),
      ),
    },
  },
  server: {
    proxy: {
      "/api": server,
      "/health": server,
      "/matchmake": server,
      // Room connections: /<processId>/<ROOMCODE>
      "^/[A-Za-z0-9_-]+/[A-Z0-9]{6}([?/].*)?$": { target: server, ws: true },
    },
  },
});

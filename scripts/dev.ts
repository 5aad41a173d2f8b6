// `npm run dev`: the game server (restarted on change by tsx watch) and Vite's dev server
// (live reload), which proxies the API and room connections to it.
import { spawn } from "node:child_process";
import { join } from "node:path";

const bin = (name: string) => join(process.cwd(), "node_modules", ".bin", name);
const children = [
  spawn(bin("tsx"), ["watch", "server/main.ts"], { stdio: "inherit", env: { ...process.env, PORT: process.env.PORT ?? "2567" } }),
  spawn(bin("vite"), ["--host"], { stdio: "inherit", env: { ...process.env, GAME_SERVER: `http://127.0.0.1:${process.env.PORT ?? "2567"}` } }),
];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

// The HTTP surface (docs/contracts.md#http-surface): health, room creation, game lists and logs for the host
// token's holder (or an operator's ADMIN_TOKEN), the catalogue, metrics, and the client.
import { randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { matchMaker } from "@colyseus/core";
import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, normalizeRoomCode } from "../../shared/protocol.js";
import { catalogueJson } from "../../shared/scenarios/catalogue.js";
import type { ServerContext } from "../context.js";
import { GAME_ID_PATTERN } from "../logs/LogStore.js";
import { hashToken, newHostToken, tokenMatches } from "../session/auth.js";
import { AddressLimiter } from "./AddressLimiter.js";

function newRoomCode(): string {
  let code = "";
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

function bearer(req: Request): string | null {
  const header = req.headers.authorization;
  if (typeof header !== "string" || !header.startsWith("Bearer ")) return null;
  return header.slice(7).trim() || null;
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self' ws: wss:; worker-src 'self' blob:; frame-ancestors 'none'",
  );
  next();
}

export function installRoutes(app: Application, ctx: ServerContext): void {
  const createLimiter = new AddressLimiter(20);
  const lookupLimiter = new AddressLimiter(600);
  const { store, metrics, config } = ctx;
  app.disable("x-powered-by");
  // Behind a reverse proxy on the same machine (docs/deployment.md) every request comes from
  // the proxy: the per-address limits read the client's address from X-Forwarded-For, which
  // only a loopback peer is trusted to set. Colyseus does the same for joins (X-Real-IP).
  app.set("trust proxy", "loopback");
  app.use(securityHeaders);
  app.use(express.json({ limit: "4kb" }));

  app.get("/health", (_req, res) => {
    res.json({ ok: true, rooms: metrics.rooms, players: metrics.players, redis: config.redisUrl !== null });
  });

  app.get("/metrics", (_req, res) => {
    res.type("text/plain; version=0.0.4").send(metrics.render());
  });

  app.get("/api/catalogue", (_req, res) => {
    res.json(catalogueJson());
  });

  /** An instructor creates a class room: code, join URL and the host token (returned only here). */
  app.post("/api/rooms", async (req, res) => {
    if (!createLimiter.allow(req.ip ?? "?")) return void res.status(429).json({ error: "rateLimited" });
    const hostToken = newHostToken();
    const hostTokenHash = hashToken(hostToken);
    for (let attempt = 0; attempt < 20; attempt++) {
      const roomCode = newRoomCode();
      if ((await store.getRoom(roomCode)) !== null) continue;
      await store.saveRoom({ roomCode, hostTokenHash, createdAt: new Date().toISOString() });
      try {
        await matchMaker.createRoom("class", { roomCode, hostTokenHash });
      } catch (error) {
        if (String(error).includes("already")) continue;
        throw error;
      }
      return void res.status(201).json({ roomCode, hostToken, joinUrl: `${ctx.joinBaseUrl}/?code=${roomCode}` });
    }
    res.status(503).json({ error: "noFreeCode" });
  });

  /** Does this code name an open room? (the join page asks before connecting). */
  app.get("/api/rooms/:code", async (req, res) => {
    if (!lookupLimiter.allow(req.ip ?? "?")) return void res.status(429).json({ error: "rateLimited" });
    const code = normalizeRoomCode(req.params.code);
    if (!code) return void res.status(404).json({ error: "badCode" });
    const rooms = await matchMaker.query({ roomId: code });
    if (rooms.length === 0) return void res.status(404).json({ error: "unknownRoom" });
    const metadata = rooms[0].metadata as { locked?: boolean } | undefined;
    res.json({ code, locked: metadata?.locked === true, clients: rooms[0].clients });
  });

  /** The games of the host token's room (the instructor's browser keeps its tokens), or every game for ADMIN_TOKEN. */
  app.get("/api/games", async (req, res) => {
    const token = bearer(req);
    if (!token) return void res.status(401).json({ error: "unauthorized" });
    if (config.adminToken && token.length === config.adminToken.length && tokenMatches(token, hashToken(config.adminToken)))
      return void res.json(await store.listGames({ limit: 500 }));
    res.json(await store.listGames({ hostTokenHash: hashToken(token), limit: 200 }));
  });

  app.get("/api/games/:gameId/log", async (req, res) => {
    const gameId = req.params.gameId;
    if (!GAME_ID_PATTERN.test(gameId)) return void res.status(404).json({ error: "unknownGame" });
    const token = bearer(req);
    const game = await store.getGame(gameId);
    if (!token) return void res.status(401).json({ error: "unauthorized" });
    if (!game) return void res.status(404).json({ error: "unknownGame" });
    const admin = config.adminToken !== null && tokenMatches(token, hashToken(config.adminToken));
    if (!admin && !tokenMatches(token, game.hostTokenHash)) return void res.status(401).json({ error: "unauthorized" });
    const text = await store.readLog(gameId);
    if (text === null) return void res.status(404).json({ error: "unknownGame" });
    res.type("application/x-ndjson").setHeader("Content-Disposition", `attachment; filename="${gameId}.ndjson"`);
    res.send(text);
  });

  app.use("/api", (_req, res) => {
    res.status(404).json({ error: "notFound" });
  });

  if (existsSync(config.clientDir)) {
    app.use(express.static(config.clientDir, { index: false, maxAge: "1h" }));
    const page = (name: string) => (_req: Request, res: Response) => res.sendFile(join(config.clientDir, name));
    app.get("/", page("index.html"));
    app.get("/host", page("host.html"));
    app.get("/replay", page("replay.html"));
  } else {
    app.get("/", (_req, res) => {
      res.type("text/plain").send("Exactly Once server is running. The client is not built: run `npm run build`.\n");
    });
  }

  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof error === "object" && error !== null && "status" in error ? Number((error as { status: number }).status) : 500;
    if (status >= 500) console.error("http error", error);
    res.status(status >= 400 && status < 600 ? status : 500).json({ error: status === 413 ? "tooLarge" : status < 500 ? "badRequest" : "serverError" });
  });
}

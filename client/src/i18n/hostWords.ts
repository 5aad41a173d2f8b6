// The projector's words: the landing, the pickers and round controls, the faults, the
// roster and the debrief.
import type { Text } from "../../../shared/scenarios/texts.js";
import { translator } from "./locale.js";
import { ROOM_WORDS } from "./roomWords.js";
import { ROUND_WORDS } from "./roundWords.js";

const HOST_WORDS = {
  hostTitle: { en: "Instructor", "pt-BR": "Professor" },
  createRoom: { en: "Create a class room", "pt-BR": "Criar uma sala" },
  joinAt: { en: "Join at", "pt-BR": "Entre em" },
  scenario: { en: "Topic", "pt-BR": "Tópico" },
  variant: { en: "Variant", "pt-BR": "Variante" },
  seed: { en: "Seed (optional)", "pt-BR": "Semente (opcional)" },
  roundLength: { en: "Round (s)", "pt-BR": "Rodada (s)" },
  start: { en: "Start", "pt-BR": "Iniciar" },
  pause: { en: "Pause", "pt-BR": "Pausar" },
  resume: { en: "Resume", "pt-BR": "Continuar" },
  end: { en: "End round", "pt-BR": "Encerrar rodada" },
  lock: { en: "Lock room", "pt-BR": "Trancar sala" },
  unlock: { en: "Unlock room", "pt-BR": "Destrancar sala" },
  players: { en: "Players", "pt-BR": "Jogadores" },
  faults: { en: "Inject a fault", "pt-BR": "Injetar uma falha" },
  faultTarget: { en: "Team", "pt-BR": "Equipe" },
  crashBroker: { en: "Crash the broker", "pt-BR": "Derrubar o broker" },
  crashConsumer: { en: "Crash consumer C1", "pt-BR": "Derrubar consumidor C1" },
  crashProducer: { en: "Crash producer P1", "pt-BR": "Derrubar produtor P1" },
  cutLink: { en: "Cut broker↔C1 for 10 s", "pt-BR": "Cortar broker↔C1 por 10 s" },
  dropAck: { en: "Drop the next ACK", "pt-BR": "Perder o próximo ACK" },
  slowConsumer: { en: "Slow consumer C1", "pt-BR": "Deixar C1 lento" },
  debrief: { en: "Debrief", "pt-BR": "Discussão" },
  anomalies: { en: "Anomalies", "pt-BR": "Anomalias" },
  noAnomaly: { en: "No anomaly in this round.", "pt-BR": "Nenhuma anomalia nesta rodada." },
  bought: { en: "Bought", "pt-BR": "Ganhou" },
  leftOpen: { en: "Left open", "pt-BR": "Deixou em aberto" },
  conflicts: { en: "conflicts", "pt-BR": "conflitos" },
  parked: { en: "parked (dead-letter)", "pt-BR": "estacionadas (dead-letter)" },
  downloadLog: { en: "Download the log", "pt-BR": "Baixar o log" },
  downloadCsv: { en: "Download scores (CSV)", "pt-BR": "Baixar placar (CSV)" },
  pastGames: { en: "Your past games", "pt-BR": "Seus jogos anteriores" },
  noPastGames: { en: "No game yet.", "pt-BR": "Nenhum jogo ainda." },
  keyboardHelp: { en: "Space: pause/resume · ←/→: previous/next team", "pt-BR": "Espaço: pausar/continuar · ←/→: equipe anterior/seguinte" },
  goal: { en: "Goal", "pt-BR": "Objetivo" },
  moveTo: { en: "move to team", "pt-BR": "mover para equipe" },
  offline: { en: "offline", "pt-BR": "desconectado" },
} satisfies Record<string, Text>;

export const t = translator({ ...ROUND_WORDS, ...ROOM_WORDS, ...HOST_WORDS });

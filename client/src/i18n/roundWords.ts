// A round's standings, on every page (the phone's end screen, the projector's board, the
// replay's tables): teams, scores and the counts.
import type { Text } from "../../../shared/scenarios/texts.js";

export const ROUND_WORDS = {
  team: { en: "Team", "pt-BR": "Equipe" },
  score: { en: "Score", "pt-BR": "Pontos" },
  // "recorded", not "committed"/"confirmados": the broker's confirm (ACK) is another thing on the same screen.
  committed: { en: "recorded", "pt-BR": "registrados" },
  applied: { en: "applied", "pt-BR": "aplicados" },
  lost: { en: "lost", "pt-BR": "perdidos" },
  duplicated: { en: "duplicated", "pt-BR": "duplicados" },
  misordered: { en: "out of order", "pt-BR": "fora de ordem" },
  inconsistent: { en: "inconsistent", "pt-BR": "inconsistentes" },
  // Topic 6: a write based on a stale read erases another consumer's update (a lost update); the balances it leaves wrong are counted apart.
  staleWrites: { en: "lost updates", "pt-BR": "atualizações perdidas" },
  raceAnomalies: { en: "balances hit by races", "pt-BR": "saldos afetados por corrida" },
  wrongFinalState: { en: "wrong balances", "pt-BR": "saldos errados" },
  allTeams: { en: "all teams", "pt-BR": "todas as equipes" },
  focusedTeam: { en: "Team {team} on the big screen", "pt-BR": "Equipe {team} no telão" },
} satisfies Record<string, Text>;

// The interface's words in Brazilian Portuguese and English. Pages and scenes call t();
// no string is written into the markup elsewhere. The browser's language picks the
// default; the choice of the lang-toggle is remembered.
import type { Locale, Text } from "../../shared/scenarios/texts.js";
import { ACTION_TEXTS, CAUSE_TEXTS, ROLE_TEXTS } from "../../shared/scenarios/texts.js";

const UI = {
  appName: { en: "Exactly Once", "pt-BR": "Exactly Once" },
  langToggle: { en: "Português", "pt-BR": "English" },
  joinTitle: { en: "Join the class", "pt-BR": "Entrar na turma" },
  code: { en: "Room code", "pt-BR": "Código da sala" },
  name: { en: "Your name", "pt-BR": "Seu nome" },
  join: { en: "Join", "pt-BR": "Entrar" },
  joining: { en: "Joining…", "pt-BR": "Entrando…" },
  badCode: { en: "That code has 6 letters and digits.", "pt-BR": "O código tem 6 letras e números." },
  unknownRoom: { en: "No open room has that code.", "pt-BR": "Nenhuma sala aberta tem esse código." },
  needName: { en: "Type your name.", "pt-BR": "Digite seu nome." },
  reconnecting: { en: "Reconnecting…", "pt-BR": "Reconectando…" },
  connected: { en: "Connected", "pt-BR": "Conectado" },
  disconnected: { en: "Disconnected. Reload to come back to your seat.", "pt-BR": "Desconectado. Recarregue para voltar ao seu lugar." },
  team: { en: "Team", "pt-BR": "Equipe" },
  seat: { en: "Seat", "pt-BR": "Posto" },
  spectator: { en: "You joined during a round: watch, you play from the next one.", "pt-BR": "Você entrou durante uma rodada: assista, você joga a partir da próxima." },
  waiting: { en: "Waiting for the instructor to start the round.", "pt-BR": "Aguardando o professor iniciar a rodada." },
  countdown: { en: "Starting in {n}…", "pt-BR": "Começando em {n}…" },
  running: { en: "Round running", "pt-BR": "Rodada em andamento" },
  paused: { en: "Paused", "pt-BR": "Pausado" },
  draining: { en: "Round over: bots finish what is in flight…", "pt-BR": "Fim da rodada: os bots terminam o que está em trânsito…" },
  over: { en: "Round over", "pt-BR": "Rodada encerrada" },
  lobby: { en: "Lobby", "pt-BR": "Sala de espera" },
  nextEvent: { en: "Next event", "pt-BR": "Próximo evento" },
  noMoreEvents: { en: "No events left to send.", "pt-BR": "Não há mais eventos para enviar." },
  sent: { en: "What you sent", "pt-BR": "O que você enviou" },
  status_pending: { en: "waiting for ACK", "pt-BR": "aguardando ACK" },
  status_acknowledged: { en: "ACK received", "pt-BR": "ACK recebido" },
  status_timedOut: { en: "timed out", "pt-BR": "timeout" },
  status_sent: { en: "sent (no ACK asked)", "pt-BR": "enviado (sem ACK)" },
  attempts: { en: "attempts", "pt-BR": "tentativas" },
  halfDone: { en: "Half done: {msgId}", "pt-BR": "Pela metade: {msgId}" },
  saved: { en: "saved", "pt-BR": "salvo" },
  published: { en: "published", "pt-BR": "publicado" },
  outboxRows: { en: "Outbox rows waiting for the relay: {n}", "pt-BR": "Linhas no outbox aguardando o relay: {n}" },
  inbox: { en: "Your inbox", "pt-BR": "Sua caixa de entrada" },
  emptyInbox: { en: "Nothing delivered yet.", "pt-BR": "Nada entregue ainda." },
  processing: { en: "Processing {msgId}", "pt-BR": "Processando {msgId}" },
  redelivered: { en: "redelivered", "pt-BR": "reentregue" },
  acked: { en: "acked", "pt-BR": "com ack" },
  processedTag: { en: "done", "pt-BR": "processado" },
  seenBefore: { en: "already processed!", "pt-BR": "já processado!" },
  notSeen: { en: "new", "pt-BR": "novo" },
  held: { en: "held", "pt-BR": "segurado" },
  intake: { en: "Arriving at the broker", "pt-BR": "Chegando ao broker" },
  emptyIntake: { en: "No message waiting.", "pt-BR": "Nenhuma mensagem esperando." },
  routeTo: { en: "Route to", "pt-BR": "Rotear para" },
  allSubscriptions: { en: "every subscription", "pt-BR": "todas as assinaturas" },
  queues: { en: "Queues", "pt-BR": "Filas" },
  persistedTag: { en: "persisted", "pt-BR": "persistido" },
  confirmedTag: { en: "confirmed", "pt-BR": "confirmado" },
  routedTag: { en: "routed", "pt-BR": "roteado" },
  youAreDown: { en: "Your node crashed! It restarts soon.", "pt-BR": "Seu nó caiu! Ele reinicia em breve." },
  slow: { en: "You are slowed down.", "pt-BR": "Você está lento." },
  selected: { en: "selected", "pt-BR": "selecionado" },
  refused: { en: "Refused: {reason}", "pt-BR": "Recusado: {reason}" },
  yourContribution: { en: "Your part: {actions} actions, {refusals} refused.", "pt-BR": "Sua parte: {actions} ações, {refusals} recusadas." },
  teamResult: { en: "Your team: {committed} committed, {lost} lost, {duplicated} duplicated, {misordered} out of order.", "pt-BR": "Sua equipe: {committed} confirmados, {lost} perdidos, {duplicated} duplicados, {misordered} fora de ordem." },
  received: { en: "Received {msgId}", "pt-BR": "Recebido {msgId}" },
  ackReceived: { en: "ACK for {msgId}", "pt-BR": "ACK de {msgId}" },
  timedOutNotice: { en: "{msgId} timed out", "pt-BR": "{msgId} deu timeout" },
  // Host page
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
  leaderboard: { en: "Leaderboard", "pt-BR": "Placar" },
  score: { en: "Score", "pt-BR": "Pontos" },
  committed: { en: "committed", "pt-BR": "confirmados" },
  applied: { en: "applied", "pt-BR": "aplicados" },
  lost: { en: "lost", "pt-BR": "perdidos" },
  duplicated: { en: "duplicated", "pt-BR": "duplicados" },
  misordered: { en: "out of order", "pt-BR": "fora de ordem" },
  inconsistent: { en: "inconsistent", "pt-BR": "inconsistentes" },
  raceAnomalies: { en: "lost updates", "pt-BR": "atualizações perdidas" },
  faults: { en: "Inject a fault", "pt-BR": "Injetar uma falha" },
  faultTarget: { en: "Team", "pt-BR": "Equipe" },
  allTeams: { en: "all teams", "pt-BR": "todas as equipes" },
  crashBroker: { en: "Crash the broker", "pt-BR": "Derrubar o broker" },
  crashConsumer: { en: "Crash consumer C1", "pt-BR": "Derrubar consumidor C1" },
  crashProducer: { en: "Crash producer P1", "pt-BR": "Derrubar produtor P1" },
  cutLink: { en: "Cut broker↔C1 for 10 s", "pt-BR": "Cortar broker↔C1 por 10 s" },
  dropAck: { en: "Drop the next ACK", "pt-BR": "Perder o próximo ACK" },
  slowConsumer: { en: "Slow consumer C1", "pt-BR": "Deixar C1 lento" },
  debrief: { en: "Debrief", "pt-BR": "Discussão" },
  anomalies: { en: "Anomalies", "pt-BR": "Anomalias" },
  downloadLog: { en: "Download the log", "pt-BR": "Baixar o log" },
  downloadCsv: { en: "Download scores (CSV)", "pt-BR": "Baixar placar (CSV)" },
  pastGames: { en: "Your past games", "pt-BR": "Seus jogos anteriores" },
  noPastGames: { en: "No game yet.", "pt-BR": "Nenhum jogo ainda." },
  focusedTeam: { en: "Team {team} on the big screen", "pt-BR": "Equipe {team} no telão" },
  keyboardHelp: { en: "Space: pause/resume · ←/→: previous/next team", "pt-BR": "Espaço: pausar/continuar · ←/→: equipe anterior/seguinte" },
  goal: { en: "Goal", "pt-BR": "Objetivo" },
  moveTo: { en: "move to team", "pt-BR": "mover para equipe" },
  offline: { en: "offline", "pt-BR": "desconectado" },
  bot: { en: "bot", "pt-BR": "bot" },
  down: { en: "DOWN", "pt-BR": "CAIU" },
  queued: { en: "queued", "pt-BR": "na fila" },
  inboxShort: { en: "inbox", "pt-BR": "caixa" },
  toSend: { en: "to send", "pt-BR": "a enviar" },
  lostMarker: { en: "LOST", "pt-BR": "PERDIDA" },
  dupMarker: { en: "DUP", "pt-BR": "DUPLICADA" },
  orderMarker: { en: "#{seq} before #{otherSeq}", "pt-BR": "#{seq} antes de #{otherSeq}" },
  raceMarker: { en: "LOST UPDATE", "pt-BR": "ATUALIZAÇÃO PERDIDA" },
  crashMarker: { en: "CRASH", "pt-BR": "QUEDA" },
  restartMarker: { en: "BACK", "pt-BR": "VOLTOU" },
  dropMarker: { en: "dropped", "pt-BR": "descartada" },
  dedupMarker: { en: "de-duplicated", "pt-BR": "desduplicada" },
  cutMarker: { en: "CUT", "pt-BR": "CORTADO" },
  // Refusal reasons (engine and room)
  reason_unknownSeat: { en: "no such seat", "pt-BR": "posto inexistente" },
  reason_notYourAction: { en: "not an action of your role", "pt-BR": "não é uma ação do seu papel" },
  reason_notInVariant: { en: "this variant does not allow it", "pt-BR": "esta variante não permite" },
  reason_nodeDown: { en: "your node is down", "pt-BR": "seu nó está fora do ar" },
  reason_nothingToSend: { en: "nothing left to send", "pt-BR": "nada mais para enviar" },
  reason_waitingForAck: { en: "wait for the ACK first", "pt-BR": "espere o ACK antes" },
  reason_tooManyInFlight: { en: "too many messages waiting for an ACK", "pt-BR": "mensagens demais aguardando ACK" },
  reason_unknownMessage: { en: "unknown message (forgotten after a crash?)", "pt-BR": "mensagem desconhecida (esquecida após uma queda?)" },
  reason_notTimedOut: { en: "it has not timed out", "pt-BR": "ainda não deu timeout" },
  reason_unknownToken: { en: "that token is not here any more", "pt-BR": "esse token não está mais aqui" },
  reason_busy: { en: "finish the current processing first", "pt-BR": "termine o processamento atual antes" },
  reason_alreadyAcked: { en: "already acked", "pt-BR": "já tem ack" },
  reason_ackAfterProcessing: { en: "ack only after processing", "pt-BR": "dê ack só depois de processar" },
  reason_ackBeforeProcessing: { en: "this variant acks before processing", "pt-BR": "nesta variante o ack vem antes do processamento" },
  reason_alreadyDone: { en: "already done", "pt-BR": "já feito" },
  reason_roundOver: { en: "the round is over", "pt-BR": "a rodada acabou" },
  reason_unknownTarget: { en: "no such queue or subscription", "pt-BR": "fila ou assinatura inexistente" },
  reason_badFault: { en: "that fault does not apply", "pt-BR": "essa falha não se aplica" },
  reason_locked: { en: "another consumer holds this key's lock", "pt-BR": "outro consumidor tem a trava desta chave" },
  reason_consumerUnavailable: { en: "the service is down", "pt-BR": "o serviço está fora do ar" },
  reason_badMessage: { en: "malformed message", "pt-BR": "mensagem malformada" },
  reason_tooLarge: { en: "message too large", "pt-BR": "mensagem grande demais" },
  reason_rateLimited: { en: "too fast: slow down a little", "pt-BR": "rápido demais: vá com calma" },
  reason_notHost: { en: "only the instructor can do that", "pt-BR": "só o professor pode fazer isso" },
  reason_noSeat: { en: "you have no seat in this round", "pt-BR": "você não tem posto nesta rodada" },
  reason_notRunning: { en: "the round is not running", "pt-BR": "a rodada não está em andamento" },
  reason_paused: { en: "the round is paused", "pt-BR": "a rodada está pausada" },
  reason_unknownScenario: { en: "unknown topic or variant", "pt-BR": "tópico ou variante desconhecido" },
  reason_badSeed: { en: "the seed must be a whole number", "pt-BR": "a semente deve ser um número inteiro" },
  reason_roomLocked: { en: "the room is locked", "pt-BR": "a sala está trancada" },
  reason_roomFull: { en: "the room is full", "pt-BR": "a sala está cheia" },
  reason_badName: { en: "that name cannot be used", "pt-BR": "esse nome não pode ser usado" },
  reason_badCode: { en: "bad room code", "pt-BR": "código de sala inválido" },
  reason_unknownPlayer: { en: "unknown player", "pt-BR": "jogador desconhecido" },
  reason_unknownTeam: { en: "unknown team", "pt-BR": "equipe desconhecida" },
  reason_roundActive: { en: "not while a round runs", "pt-BR": "não durante uma rodada" },
} satisfies Record<string, Text>;

export type UiKey = keyof typeof UI;

const STORAGE_KEY = "eo:lang";
let locale: Locale = detect();
const listeners = new Set<() => void>();

function detect(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "en" || saved === "pt-BR") return saved;
  } catch {
    /* private mode */
  }
  const languages = typeof navigator !== "undefined" ? navigator.languages ?? [navigator.language] : [];
  return languages.some((l) => l.toLowerCase().startsWith("pt")) ? "pt-BR" : "en";
}

export function currentLocale(): Locale {
  return locale;
}

export function setLocale(next: Locale): void {
  locale = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* private mode */
  }
  document.documentElement.lang = next;
  for (const l of listeners) l();
}

export function onLocaleChange(listener: () => void): void {
  listeners.add(listener);
}

function fill(text: string, vars?: Record<string, string | number>): string {
  return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`)) : text;
}

export function t(key: UiKey, vars?: Record<string, string | number>): string {
  return fill(UI[key][locale], vars);
}

/** A text from the shared catalogues (scenarios, causes…). */
export function tx(text: Text | undefined, vars?: Record<string, string | number>): string {
  return text ? fill(text[locale] ?? text.en, vars) : "";
}

export function actionLabel(action: string): string {
  return tx(ACTION_TEXTS[action]?.label) || action;
}

export function actionHelp(action: string): string {
  return tx(ACTION_TEXTS[action]?.help);
}

export function roleName(role: string): string {
  return tx(ROLE_TEXTS[role as keyof typeof ROLE_TEXTS]?.name) || role;
}

export function causeText(code: string, vars: Record<string, string | number>): string {
  return tx(CAUSE_TEXTS[code], vars) || code;
}

export function reasonText(code: string): string {
  const key = `reason_${code}` as UiKey;
  return key in UI ? t(key) : code;
}

/** The lang-toggle button every page has. */
export function mountLangToggle(button: HTMLButtonElement): void {
  const render = () => {
    button.textContent = t("langToggle");
    button.setAttribute("aria-label", t("langToggle"));
  };
  button.dataset.testid = "lang-toggle";
  button.addEventListener("click", () => setLocale(locale === "en" ? "pt-BR" : "en"));
  onLocaleChange(render);
  render();
  document.documentElement.lang = locale;
}

// The projector's words: the landing, the lobby (how to join, who joined, the next round's
// setup), a round (timer, board, faults), the debrief and lesson mode.
import type { Text } from "../../../shared/scenarios/texts.js";
import { translator } from "./locale.js";
import { ROOM_WORDS } from "./roomWords.js";
import { ROUND_WORDS } from "./roundWords.js";

const HOST_WORDS = {
  // The landing
  hostTitle: { en: "Instructor", "pt-BR": "Professor" },
  hostIntro: {
    en: "Create a room, put this page on the projector, and the class joins from their phones.",
    "pt-BR": "Crie uma sala, projete esta página, e a turma entra pelo celular.",
  },
  createRoom: { en: "Create a class room", "pt-BR": "Criar uma sala" },
  pastGames: { en: "Your past games", "pt-BR": "Seus jogos anteriores" },
  noPastGames: { en: "No game yet.", "pt-BR": "Nenhum jogo ainda." },
  openReplay: { en: "Open the replay", "pt-BR": "Abrir o replay" },
  downloadLog: { en: "Download the log", "pt-BR": "Baixar o log" },
  downloadCsv: { en: "Scores (CSV)", "pt-BR": "Placar (CSV)" },

  // How to join, who joined
  joinOnPhone: { en: "On your phone, open", "pt-BR": "No celular, abra" },
  roomCodeLabel: { en: "and type the code", "pt-BR": "e digite o código" },
  codeShort: { en: "Code", "pt-BR": "Código" },
  inRoom: { en: "{n} in the room", "pt-BR": "{n} na sala" },
  nobodyYet: { en: "Waiting for the first students…", "pt-BR": "Esperando os primeiros alunos…" },
  noTeam: { en: "No team yet", "pt-BR": "Sem equipe" },
  morePeople: { en: "+{n}", "pt-BR": "+{n}" },
  offline: { en: "offline", "pt-BR": "desconectado" },
  moveStudents: { en: "Move students", "pt-BR": "Mover alunos" },
  doneMoving: { en: "Done moving", "pt-BR": "Pronto" },
  moveTo: { en: "move to team", "pt-BR": "mover para equipe" },

  // The next round's setup
  scenario: { en: "Lesson topic", "pt-BR": "Tema da aula" },
  variant: { en: "Variant", "pt-BR": "Variante" },
  broker: { en: "Broker", "pt-BR": "Broker" },
  seed: { en: "Seed (optional)", "pt-BR": "Semente (opcional)" },
  roundLength: { en: "Round (s)", "pt-BR": "Rodada (s)" },
  goal: { en: "Goal", "pt-BR": "Objetivo" },
  start: { en: "Start the round", "pt-BR": "Iniciar rodada" },
  roomLocked: { en: "Room locked", "pt-BR": "Sala trancada" },
  roomOpen: { en: "Room open", "pt-BR": "Sala aberta" },
  lockHelp: { en: "Lock the room: nobody else can join", "pt-BR": "Trancar a sala: mais ninguém entra" },
  unlockHelp: { en: "Unlock the room: students can join again", "pt-BR": "Destrancar a sala: alunos podem entrar de novo" },
  lessonStart: { en: "Start the lesson (9 topics)", "pt-BR": "Começar a aula (9 temas)" },
  lastRound: { en: "Last round: {title}", "pt-BR": "Última rodada: {title}" },
  showDebrief: { en: "Show its debrief", "pt-BR": "Ver a discussão" },

  // A round
  timeLeft: { en: "time left", "pt-BR": "tempo restante" },
  finishing: { en: "finishing…", "pt-BR": "finalizando…" },
  pause: { en: "Pause", "pt-BR": "Pausar" },
  resume: { en: "Resume", "pt-BR": "Continuar" },
  end: { en: "End round", "pt-BR": "Encerrar rodada" },
  keyboardHelp: { en: "Space: pause · ←/→: previous/next team", "pt-BR": "Espaço: pausar · ←/→: equipe anterior/seguinte" },
  faults: { en: "Faults", "pt-BR": "Falhas" },
  faultTarget: { en: "on", "pt-BR": "em" },
  crashBroker: { en: "Crash the broker", "pt-BR": "Derrubar o broker" },
  crashConsumer: { en: "Crash C1", "pt-BR": "Derrubar C1" },
  crashProducer: { en: "Crash P1", "pt-BR": "Derrubar P1" },
  cutLink: { en: "Cut broker↔C1 (10 s)", "pt-BR": "Cortar broker↔C1 (10 s)" },
  dropAck: { en: "Drop the next ACK", "pt-BR": "Perder o próximo ACK" },
  slowConsumer: { en: "Slow C1 down", "pt-BR": "Deixar C1 lento" },
  // The same buttons once the round's broker is known, in its words (shared/scenarios/brokerVocabulary.ts)
  crashBrokerInTerms: { en: "Crash {broker}", "pt-BR": "Derrubar o {broker}" },
  cutLinkInTerms: { en: "Cut {broker}↔C1 (10 s)", "pt-BR": "Cortar {broker}↔C1 (10 s)" },
  dropAckInTerms: { en: "Drop the next ACK to P1 ({publishAck})", "pt-BR": "Perder o próximo ACK para P1 ({publishAck})" },
  provisional: { en: "Live: the end of the round settles these numbers", "pt-BR": "Ao vivo: o fim da rodada confirma estes números" },
  pendingColumn: { en: "still open", "pt-BR": "em aberto" },
  moreTeams: { en: "+{n} teams", "pt-BR": "+{n} equipes" },

  // The debrief
  debrief: { en: "Debrief", "pt-BR": "Discussão" },
  backToRoom: { en: "Back to the room (Esc)", "pt-BR": "Voltar à sala (Esc)" },
  anomaliesTotal: { en: "{n} anomalies, grouped by cause", "pt-BR": "{n} anomalias, agrupadas por causa" },
  noAnomaly: {
    en: "No anomaly in this round: every effect applied exactly once.",
    "pt-BR": "Nenhuma anomalia nesta rodada: cada efeito aplicado exatamente uma vez.",
  },
  teamsHit: { en: "teams {list}", "pt-BR": "equipes {list}" },
  teamHit: { en: "team {list}", "pt-BR": "equipe {list}" },
  firstAt: { en: "first at {time}", "pt-BR": "a primeira em {time}" },
  seeInReplay: { en: "See it in the replay", "pt-BR": "Ver no replay" },
  comparePrevious: { en: "Beside the previous round ({variant})", "pt-BR": "Ao lado da rodada anterior ({variant})" },
  forTheClass: { en: "For the class", "pt-BR": "Para a turma" },
  thisRound: { en: "this round", "pt-BR": "esta rodada" },
  previousRound: { en: "before", "pt-BR": "antes" },
  perSubscription: {
    en: "Each recorded event is expected once at each subscription: {events} events × {subs} subscriptions ({names}) = {effects} effects. Lost and duplicated count per subscription.",
    "pt-BR":
      "Cada evento registrado deve chegar uma vez a cada assinatura: {events} eventos × {subs} assinaturas ({names}) = {effects} efeitos. Perdidos e duplicados contam por assinatura.",
  },
  perBinding: {
    en:
      "Behind an exchange, each of the {events} recorded events is expected once at every queue whose binding matches its routing key ({names}). " +
      "Lost and duplicated count per queue.",
    "pt-BR":
      "Atrás de uma exchange, cada um dos {events} eventos registrados deve chegar uma vez a cada fila cujo binding casa com sua routing key ({names}). " +
      "Perdidos e duplicados contam por fila.",
  },
  perQueue: {
    en: "A queue is one subscription: each of the {events} recorded events is expected to be processed once.",
    "pt-BR": "Uma fila é uma assinatura só: cada um dos {events} eventos registrados deve ser processado uma vez.",
  },
  scoreRule: {
    en: "Score: +10 for each effect applied exactly once; −10 lost, −6 duplicated, −4 out of order, −8 inconsistent, −6 balance hit by a race, −2 refused. A wrong balance costs nothing more: the anomalies behind it already did.",
    "pt-BR":
      "Pontos: +10 por efeito aplicado exatamente uma vez; −10 perdido, −6 duplicado, −4 fora de ordem, −8 inconsistente, −6 saldo afetado por corrida, −2 recusado. Um saldo errado não custa mais nada: as anomalias por trás dele já custaram.",
  },
  bestScore: { en: "best team (score)", "pt-BR": "melhor equipe (pontos)" },
  predicted: { en: "The class predicted", "pt-BR": "A turma previu" },
  predictedBy: { en: "{n} of {total}", "pt-BR": "{n} de {total}" },
  resultWas: { en: "The round gave", "pt-BR": "A rodada deu" },
  medianValue: { en: "median per team: {value}", "pt-BR": "mediana por equipe: {value}" },
  noResult: { en: "the round cannot say", "pt-BR": "a rodada não permite dizer" },
  takeaway: { en: "To take home", "pt-BR": "Para levar" },

  // Lesson mode
  lesson: { en: "Lesson", "pt-BR": "Aula" },
  topicOf: { en: "Topic {n} of 9", "pt-BR": "Tema {n} de 9" },
  step_prompt: { en: "Question", "pt-BR": "Pergunta" },
  step_poll: { en: "Poll", "pt-BR": "Enquete" },
  step_predict: { en: "Prediction", "pt-BR": "Previsão" },
  step_round: { en: "Rounds", "pt-BR": "Rodadas" },
  step_debrief: { en: "Debrief", "pt-BR": "Discussão" },
  step_summary: { en: "Summary", "pt-BR": "Resumo" },
  lessonNext: { en: "Next ▶", "pt-BR": "Avançar ▶" },
  lessonPrev: { en: "◀ Back", "pt-BR": "◀ Voltar" },
  lessonStop: { en: "Leave lesson mode", "pt-BR": "Sair do modo aula" },
  answeredOf: { en: "{n} of {total} answered", "pt-BR": "{n} de {total} responderam" },
  answerOnPhones: { en: "Answer on your phone", "pt-BR": "Responda no celular" },
  closePoll: { en: "Close the poll", "pt-BR": "Encerrar a enquete" },
  closePredict: { en: "Close the predictions", "pt-BR": "Encerrar as previsões" },
  closed: { en: "Closed", "pt-BR": "Encerrada" },
  noAnswersYet: { en: "The answers appear here as they arrive.", "pt-BR": "As respostas aparecem aqui à medida que chegam." },
  pinPlaceholder: { en: "The definition the class agrees on…", "pt-BR": "A definição com que a turma concorda…" },
  pin: { en: "Pin", "pt-BR": "Fixar" },
  unpin: { en: "Unpin", "pt-BR": "Desafixar" },
  pinHelp: { en: "Click an answer to start from it.", "pt-BR": "Clique numa resposta para partir dela." },
  pinned: { en: "Our definition", "pt-BR": "Nossa definição" },
  roundOfTopic: { en: "Round {n} of {total}: {variant}", "pt-BR": "Rodada {n} de {total}: {variant}" },
  lessonNoRound: { en: "No round of this topic was played yet.", "pt-BR": "Nenhuma rodada deste tema foi jogada ainda." },
  summaryTitle: { en: "What the class saw", "pt-BR": "O que a turma viu" },
  print: { en: "Print", "pt-BR": "Imprimir" },
  exportJson: { en: "Download JSON", "pt-BR": "Baixar JSON" },
  exportCsv: { en: "Download CSV", "pt-BR": "Baixar CSV" },
  notPlayed: { en: "not played", "pt-BR": "não jogado" },
  noPrediction: { en: "prediction not checked: its round was not played", "pt-BR": "previsão não conferida: a rodada não foi jogada" },
  mainCause: { en: "main cause", "pt-BR": "causa principal" },
  noAnomalyShort: { en: "no anomaly", "pt-BR": "nenhuma anomalia" },
  notice: { en: "Notice", "pt-BR": "Repare" },
  bought: { en: "Bought", "pt-BR": "Ganhou" },
  leftOpen: { en: "Left open", "pt-BR": "Deixou em aberto" },
  conflicts: { en: "conflicts", "pt-BR": "conflitos" },
  parked: { en: "parked (dead-letter)", "pt-BR": "estacionadas (dead-letter)" },
  // Topic 2.6: the same round on every broker (brokerTour.ts).
  tourOpen: { en: "Same round, every broker", "pt-BR": "Mesma rodada, todo broker" },
  tourHelp: {
    en: "Simulate the chosen variant with bots on each broker it runs on, side by side",
    "pt-BR": "Simula a variante escolhida com bots em cada broker em que ela roda, lado a lado",
  },
  tourTitle: { en: "The same round on every broker", "pt-BR": "A mesma rodada em cada broker" },
  tourSeed: { en: "seed {seed}, one team of bots", "pt-BR": "semente {seed}, uma equipe de bots" },
  tourClose: { en: "Back to the room", "pt-BR": "Voltar à sala" },
  tourExplain: {
    en: "Simulated, not played: the same {committed} events, the same faults, the same naive bots — only the broker changes.",
    "pt-BR": "Simulado, não jogado: os mesmos {committed} eventos, as mesmas falhas, os mesmos bots ingênuos — só o broker muda.",
  },
  tourComputing: { en: "simulating…", "pt-BR": "simulando…" },
  tourTook: { en: "Simulated in {s} s.", "pt-BR": "Simulado em {s} s." },
  inBrokerWords: { en: "In {broker}'s words", "pt-BR": "Nas palavras do {broker}" },
  term_ack: { en: "the consumer's ACK", "pt-BR": "o ACK do consumidor" },
  term_nack: { en: "handing a message back", "pt-BR": "devolver uma mensagem" },
  term_publishConfirm: { en: "the broker's ACK to the producer", "pt-BR": "o ACK do broker ao produtor" },
  term_redelivery: { en: "what brings an unacked message back", "pt-BR": "o que traz de volta uma mensagem sem ACK" },
  term_redelivered: { en: "a redelivery shows as", "pt-BR": "uma reentrega aparece como" },
  term_deadLetter: { en: "where parked messages wait", "pt-BR": "onde esperam as estacionadas" },
  term_dedupId: { en: "de-duplication", "pt-BR": "desduplicação" },
  term_group: { en: "one key, one consumer", "pt-BR": "uma chave, um consumidor" },
} satisfies Record<string, Text>;

/** The design round: its setup in the lobby, the design phase and the design table. */
const DESIGN_WORDS = {
  designStart: { en: "Start the design phase", "pt-BR": "Iniciar a fase de design" },
  designLength: { en: "Design (s)", "pt-BR": "Design (s)" },
  designBots: { en: "Empty ends", "pt-BR": "Pontas vazias" },
  botsNaive: { en: "bots: newcomer's defaults", "pt-BR": "bots: padrões de iniciante" },
  botsCareful: { en: "bots: the lesson's fixes", "pt-BR": "bots: as correções da aula" },
  startWithDesigns: { en: "Start now with the designs so far", "pt-BR": "Iniciar já com os designs atuais" },
  designPhase: { en: "Design phase", "pt-BR": "Fase de design" },
  designTimeLeft: { en: "design time left", "pt-BR": "tempo de design" },
  designIntro: {
    en: "Each student chooses the settings of their own end on their phone. Every team then plays the same seed and the same faults.",
    "pt-BR": "Cada aluno escolhe no celular as configurações da sua ponta. Depois todas as equipes jogam a mesma semente e as mesmas falhas.",
  },
  startRoundNow: { en: "Start the round now", "pt-BR": "Iniciar a rodada agora" },
  scoreTitle: { en: "Score", "pt-BR": "Pontuação" },
  teamN: { en: "Team {n}", "pt-BR": "Equipe {n}" },
  byBots: { en: "bots", "pt-BR": "bots" },
  designTable: { en: "The designs, best score first", "pt-BR": "Os designs, da maior pontuação para a menor" },
  colTeam: { en: "Team", "pt-BR": "Equipe" },
  colThroughput: { en: "eff./min", "pt-BR": "ef./min" },
  colThroughputLong: { en: "effects applied correctly per minute", "pt-BR": "efeitos aplicados corretamente por minuto" },
  colScore: { en: "score", "pt-BR": "pontos" },
  colFix: { en: "Named fix", "pt-BR": "Correção com nome" },
  noNamedFix: { en: "none of the named fixes", "pt-BR": "nenhuma das correções com nome" },
  replayTeam: { en: "Replay", "pt-BR": "Replay" },
  designAgain: { en: "Change the designs and play the same chaos again", "pt-BR": "Mudar os designs e jogar o mesmo caos de novo" },
  short_lost: { en: "lost", "pt-BR": "perd." },
  short_duplicated: { en: "dup.", "pt-BR": "dupl." },
  short_misordered: { en: "order", "pt-BR": "ordem" },
  short_inconsistent: { en: "incons.", "pt-BR": "incons." },
  short_raceAnomalies: { en: "race", "pt-BR": "race" },
  short_wrongFinalState: { en: "balance", "pt-BR": "saldo" },
  sameChaos: { en: "Same seed, same faults for every team: seed {seed}.", "pt-BR": "Mesma semente, mesmas falhas para todas as equipes: semente {seed}." },
} satisfies Record<string, Text>;

export const t = translator({ ...ROUND_WORDS, ...ROOM_WORDS, ...HOST_WORDS, ...DESIGN_WORDS });
export type HostKey = Parameters<typeof t>[0];

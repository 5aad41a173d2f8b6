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
  noAnomaly: { en: "No anomaly in this round.", "pt-BR": "Nenhuma anomalia nesta rodada." },
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
  reason_nextEventIn: { en: "the next event is not ready yet", "pt-BR": "o próximo evento ainda não chegou" },
  reason_retryFirst: { en: "retry the timed-out message first", "pt-BR": "reenvie antes a mensagem que deu timeout" },
  reason_held: { en: "this message is held: release it first", "pt-BR": "esta mensagem está segurada: libere antes" },
  reason_notHeld: { en: "this message is not held", "pt-BR": "esta mensagem não está segurada" },
  reason_notEarly: { en: "the one before it was already applied", "pt-BR": "a anterior já foi aplicada" },
  reason_holdFull: { en: "no room to hold more messages", "pt-BR": "não cabe mais nenhuma mensagem segurada" },
  nextEventIn: { en: "next event in {s} s", "pt-BR": "próximo evento em {s} s" },
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
  // Replay page
  replayTitle: { en: "Round replay", "pt-BR": "Replay da rodada" },
  replayOpen: { en: "Open a log file", "pt-BR": "Abrir um arquivo de log" },
  replayDrop: { en: "Drop a game log (.ndjson) anywhere on this page, or open one with the button above. Nothing is sent to a server.", "pt-BR": "Solte um log de jogo (.ndjson) em qualquer lugar desta página, ou abra um com o botão acima. Nada é enviado a um servidor." },
  replayDropHere: { en: "Drop the log to open it", "pt-BR": "Solte o log para abri-lo" },
  replayLoading: { en: "Reading {name}…", "pt-BR": "Lendo {name}…" },
  replayFetching: { en: "Fetching the game's log from the server…", "pt-BR": "Buscando o log do jogo no servidor…" },
  replayYourGames: { en: "Your games on this server", "pt-BR": "Seus jogos neste servidor" },
  replayOpenGame: { en: "Replay", "pt-BR": "Abrir replay" },
  replayNoAccess: { en: "This browser does not hold the host key of game {game}. Download its log on the computer that hosted it, and open the file here.", "pt-BR": "Este navegador não tem a chave de professor do jogo {game}. Baixe o log no computador que o hospedou e abra o arquivo aqui." },
  replayErrorTitle: { en: "This file cannot be replayed", "pt-BR": "Este arquivo não pode ser reproduzido" },
  replayErr_empty: { en: "The file is empty.", "pt-BR": "O arquivo está vazio." },
  replayErr_notText: { en: "This is not a text file: a game log is text, one JSON object per line (.ndjson).", "pt-BR": "Este não é um arquivo de texto: um log de jogo é texto, um objeto JSON por linha (.ndjson)." },
  replayErr_tooLarge: { en: "The file is too large to be a game log.", "pt-BR": "O arquivo é grande demais para ser um log de jogo." },
  replayErr_firstLineNotJson: { en: "This is not a game log: its first line is not JSON. Game logs are downloaded from the host page (.ndjson).", "pt-BR": "Este não é um log de jogo: a primeira linha não é JSON. Os logs são baixados na página do professor (.ndjson)." },
  replayErr_notHeader: { en: "This is not a game log: its first line should be the header ({\"type\":\"header\",…}).", "pt-BR": "Este não é um log de jogo: a primeira linha deveria ser o cabeçalho ({\"type\":\"header\",…})." },
  replayErr_headerMissingField: { en: "The log's header has no \"{field}\": the file is damaged or not a game log.", "pt-BR": "O cabeçalho do log não tem \"{field}\": o arquivo está danificado ou não é um log de jogo." },
  replayErr_headerBadTeams: { en: "The log's header does not list its teams properly.", "pt-BR": "O cabeçalho do log não lista as equipes corretamente." },
  replayErr_headerBadSeed: { en: "The log's header has no numeric seed.", "pt-BR": "O cabeçalho do log não tem uma semente numérica." },
  replayErr_badJson: { en: "Line {line} is damaged (not valid JSON).", "pt-BR": "A linha {line} está danificada (JSON inválido)." },
  replayErr_noType: { en: "Line {line} is not an event (it has no \"type\").", "pt-BR": "A linha {line} não é um evento (não tem \"type\")." },
  replayErr_noTickTeam: { en: "Line {line} has no tick or team.", "pt-BR": "A linha {line} não tem tick ou equipe." },
  replayErr_backInTime: { en: "Line {line} goes back in time: the lines are out of order.", "pt-BR": "A linha {line} volta no tempo: as linhas estão fora de ordem." },
  replayErr_tickOutOfRange: { en: "Line {line} has a tick or a team out of range.", "pt-BR": "A linha {line} tem um tick ou uma equipe fora do intervalo." },
  replayErr_noEvents: { en: "The log has a header but no events: the round never started.", "pt-BR": "O log tem cabeçalho mas nenhum evento: a rodada nunca começou." },
  replayErr_moreErrors: { en: "… and more problems.", "pt-BR": "… e outros problemas." },
  replayErr_other: { en: "The log could not be read: {text}", "pt-BR": "Não foi possível ler o log: {text}" },
  replayWarn_tornLine: { en: "The file's last line (line {line}) was cut off mid-write, probably by a crash; it was ignored.", "pt-BR": "A última linha do arquivo (linha {line}) foi cortada no meio da escrita, provavelmente por uma queda; ela foi ignorada." },
  replayWarn_otherEngine: { en: "Written by engine version {found}; this viewer is {expected}. It is drawn from the recorded events, but details may differ.", "pt-BR": "Escrito pela versão {found} do motor; este visualizador é da {expected}. Ele é desenhado a partir dos eventos gravados, mas detalhes podem diferir." },
  replayWarn_noSummary: { en: "The log has no summary line (the round did not finish, or the file was cut): counts are computed from its events.", "pt-BR": "O log não tem a linha de resumo (a rodada não terminou, ou o arquivo foi cortado): as contagens são calculadas a partir dos eventos." },
  replayRound: { en: "{scenario} · {variant} · seed {seed} · {teams} teams · {length}", "pt-BR": "{scenario} · {variant} · semente {seed} · {teams} equipes · {length}" },
  replayPlay: { en: "Play", "pt-BR": "Reproduzir" },
  replayStepBack: { en: "One tick back", "pt-BR": "Um tick para trás" },
  replayStepForward: { en: "One tick forward", "pt-BR": "Um tick para a frente" },
  replayPrevAnomaly: { en: "Previous anomaly", "pt-BR": "Anomalia anterior" },
  replayNextAnomaly: { en: "Next anomaly", "pt-BR": "Próxima anomalia" },
  replaySpeed: { en: "Speed", "pt-BR": "Velocidade" },
  replayTimeline: { en: "Timeline", "pt-BR": "Linha do tempo" },
  replayTickOf: { en: "tick {tick} of {last}", "pt-BR": "tick {tick} de {last}" },
  replayShownTeam: { en: "Team shown large", "pt-BR": "Equipe em destaque" },
  replayKeyboard: { en: "Space: play/pause · ←/→: one tick · Shift+←/→: 10 s · Home/End · N/P: next/previous anomaly", "pt-BR": "Espaço: reproduzir/pausar · ←/→: um tick · Shift+←/→: 10 s · Home/End · N/P: próxima/anterior anomalia" },
  replayAnomalyScope: { en: "Show", "pt-BR": "Mostrar" },
  replayThisTeam: { en: "team {team}", "pt-BR": "equipe {team}" },
  replayAllKinds: { en: "every kind", "pt-BR": "todos os tipos" },
  replayNoAnomalies: { en: "No anomaly here: every expected effect was applied exactly once, in order.", "pt-BR": "Nenhuma anomalia aqui: cada efeito esperado foi aplicado exatamente uma vez, em ordem." },
  replayJump: { en: "Jump to {time}", "pt-BR": "Ir para {time}" },
  replayShowMore: { en: "Show {n} more", "pt-BR": "Mostrar mais {n}" },
  replayFollow: { en: "Follow a message", "pt-BR": "Seguir uma mensagem" },
  replayFollowGo: { en: "Follow", "pt-BR": "Seguir" },
  replayFollowHint: { en: "e.g. P1-12", "pt-BR": "ex. P1-12" },
  replayFollowHelp: { en: "Type a message id, or click one in the anomaly list. Its whole journey in team {team} is listed here and flagged on the canvas.", "pt-BR": "Digite o id de uma mensagem, ou clique num id da lista de anomalias. A viagem inteira dela na equipe {team} aparece aqui e é marcada no desenho." },
  replayFollowUnknown: { en: "Team {team} has no message \"{msgId}\".", "pt-BR": "A equipe {team} não tem a mensagem \"{msgId}\"." },
  replayFollowSummary: { en: "{msgId} in team {team}: {hops} hops · {drops} dropped · {retries} retries · {redeliveries} redeliveries · {applications} applications", "pt-BR": "{msgId} na equipe {team}: {hops} saltos · {drops} descartes · {retries} novas tentativas · {redeliveries} reentregas · {applications} aplicações" },
  replayStop: { en: "Stop following", "pt-BR": "Parar de seguir" },
  replayCharts: { en: "Over time · team {team}", "pt-BR": "Ao longo do tempo · equipe {team}" },
  replayChartsAll: { en: "Over time · all teams", "pt-BR": "Ao longo do tempo · todas as equipes" },
  replayChartLabel: { en: "Cumulative counts over the round", "pt-BR": "Contagens acumuladas ao longo da rodada" },
  replayFinal: { en: "Final leaderboard", "pt-BR": "Placar final" },
  replayRank: { en: "#", "pt-BR": "#" },
  replaySequence: { en: "Sequence diagram", "pt-BR": "Diagrama de sequência" },
  replaySequenceMessage: { en: "message {msgId}, team {team}", "pt-BR": "mensagem {msgId}, equipe {team}" },
  replaySequenceWindow: { en: "team {team}, from {from} to {to}", "pt-BR": "equipe {team}, de {from} a {to}" },
  replaySequenceLength: { en: "Window from the playhead", "pt-BR": "Janela a partir do cursor" },
  replaySequenceSource: { en: "Draw", "pt-BR": "Desenhar" },
  replaySequenceFollowed: { en: "the followed message", "pt-BR": "a mensagem seguida" },
  replaySequenceTime: { en: "a time window", "pt-BR": "uma janela de tempo" },
  replaySequenceEmpty: { en: "Nothing travelled in this window.", "pt-BR": "Nada circulou nesta janela." },
  replaySequenceTruncated: { en: "Only the first {n} arrows are drawn: shorten the window.", "pt-BR": "Só as primeiras {n} setas foram desenhadas: encurte a janela." },
  replaySequenceLegend: { en: "solid: message · dashed: ACK or confirm · ✖: dropped · ✔ applied · ❐ applied again · ↻ redelivered · ⚡ crash", "pt-BR": "contínua: mensagem · tracejada: ACK ou confirmação · ✖: descartada · ✔ aplicada · ❐ aplicada de novo · ↻ reentregue · ⚡ queda" },
  replayCompare: { en: "Naive and fixed side by side", "pt-BR": "Ingênua e corrigida lado a lado" },
  replayCompareHelp: { en: "Open the log of the same topic's other variant to compare the two rounds.", "pt-BR": "Abra o log da outra variante do mesmo tópico para comparar as duas rodadas." },
  replayCompareOpen: { en: "Open a second log", "pt-BR": "Abrir um segundo log" },
  replayCompareOtherTopic: { en: "These logs are of different topics ({a} and {b}): the comparison may not mean much.", "pt-BR": "Estes logs são de tópicos diferentes ({a} e {b}): a comparação pode não fazer sentido." },
  replayCompareSameVariant: { en: "Both logs are of the same variant.", "pt-BR": "Os dois logs são da mesma variante." },
  replayCompareSwap: { en: "Replay this one", "pt-BR": "Reproduzir este" },
  replayCompareClose: { en: "Close", "pt-BR": "Fechar" },
  replayExport: { en: "Export", "pt-BR": "Exportar" },
  replayDownloadLog: { en: "The log (NDJSON)", "pt-BR": "O log (NDJSON)" },
  replayDownloadCsv: { en: "Scores per team and player (CSV)", "pt-BR": "Pontos por equipe e jogador (CSV)" },
  replayAnomaliesTitle: { en: "Anomalies ({n})", "pt-BR": "Anomalias ({n})" },
  replayTeamN: { en: "Team {team}", "pt-BR": "Equipe {team}" },
  replayBot: { en: "bot", "pt-BR": "bot" },
  replayRetry: { en: "retry", "pt-BR": "nova tentativa" },
  replaySceneFailed: { en: "The pipeline drawing could not start in this browser (it needs WebGL); everything else works.", "pt-BR": "O desenho do pipeline não pôde iniciar neste navegador (ele precisa de WebGL); todo o resto funciona." },
  kind_lost: { en: "lost", "pt-BR": "perdida" },
  kind_duplicated: { en: "duplicated", "pt-BR": "duplicada" },
  kind_misordered: { en: "out of order", "pt-BR": "fora de ordem" },
  kind_inconsistent: { en: "inconsistent", "pt-BR": "inconsistente" },
  kind_race: { en: "lost update", "pt-BR": "atualização perdida" },
  kind_wrongFinalState: { en: "wrong balance", "pt-BR": "saldo errado" },
  packet_publish: { en: "publish", "pt-BR": "publicação" },
  packet_deliver: { en: "delivery", "pt-BR": "entrega" },
  packet_confirm: { en: "confirm", "pt-BR": "confirmação" },
  packet_ack: { en: "ACK", "pt-BR": "ACK" },
  packet_rpc: { en: "call", "pt-BR": "chamada" },
  packet_reply: { en: "reply", "pt-BR": "resposta" },
  why_loss: { en: "lost by the network", "pt-BR": "perdida pela rede" },
  why_cut: { en: "link cut", "pt-BR": "link cortado" },
  why_fault: { en: "injected fault", "pt-BR": "falha injetada" },
  why_down: { en: "node down", "pt-BR": "nó fora do ar" },
  why_ack: { en: "acked", "pt-BR": "com ack" },
  why_autoAck: { en: "auto-acked", "pt-BR": "ack automático" },
  why_expired: { en: "retention expired", "pt-BR": "retenção expirou" },
  why_maxDeliveries: { en: "too many deliveries", "pt-BR": "entregas demais" },
  why_crash: { en: "crash", "pt-BR": "queda" },
  why_misrouted: { en: "misrouted", "pt-BR": "roteada errado" },
  why_timeout: { en: "ACK timeout", "pt-BR": "timeout do ACK" },
  why_restart: { en: "restart", "pt-BR": "reinício" },
  why_nack: { en: "rejected", "pt-BR": "rejeitada" },
  why_relay: { en: "outbox relay", "pt-BR": "relay do outbox" },
  why_consumerUnavailable: { en: "the service is down", "pt-BR": "o serviço está fora do ar" },
  step_committed: { en: "{node} committed it", "pt-BR": "{node} confirmou o evento (commit)" },
  step_refused: { en: "refused at {node}: {reason}", "pt-BR": "recusado em {node}: {reason}" },
  step_dbWritten: { en: "{node} wrote it to its database", "pt-BR": "{node} gravou no seu banco de dados" },
  step_outboxCleared: { en: "{node} cleared its outbox row", "pt-BR": "{node} limpou a linha do outbox" },
  step_hop: { en: "{packet} {from} → {to}, arrives {arrive}", "pt-BR": "{packet} {from} → {to}, chega em {arrive}" },
  step_retry: { en: "retry: {packet} {from} → {to}, arrives {arrive}", "pt-BR": "nova tentativa: {packet} {from} → {to}, chega em {arrive}" },
  step_dropped: { en: "{packet} dropped on {from} → {to} ({reason})", "pt-BR": "{packet} descartada em {from} → {to} ({reason})" },
  step_accepted: { en: "the broker accepted it", "pt-BR": "o broker aceitou" },
  step_deduplicated: { en: "the broker recognised a repeat and dropped it", "pt-BR": "o broker reconheceu uma repetição e a descartou" },
  step_enqueued: { en: "queued for {sub}", "pt-BR": "na fila de {sub}" },
  step_persisted: { en: "the broker persisted it", "pt-BR": "o broker persistiu" },
  step_delivered: { en: "delivered to {to} ({sub})", "pt-BR": "entregue a {to} ({sub})" },
  step_redelivery: { en: "REDELIVERED to {to} ({sub})", "pt-BR": "REENTREGUE a {to} ({sub})" },
  step_requeued: { en: "back in the queue from {node} ({reason})", "pt-BR": "de volta à fila, vinda de {node} ({reason})" },
  step_received: { en: "{node} received it", "pt-BR": "{node} recebeu" },
  step_checked: { en: "{node} checked its processed ids", "pt-BR": "{node} consultou os ids processados" },
  step_processStarted: { en: "{node} started processing", "pt-BR": "{node} começou a processar" },
  step_applied: { en: "{node} applied it ({sub})", "pt-BR": "{node} aplicou ({sub})" },
  step_duplicate: { en: "{node} applied it AGAIN ({sub}): duplicate", "pt-BR": "{node} aplicou DE NOVO ({sub}): duplicada" },
  step_skipped: { en: "{node} skipped it: already processed", "pt-BR": "{node} ignorou: já processada" },
  step_recorded: { en: "{node} recorded it as processed", "pt-BR": "{node} registrou como processada" },
  step_ackSent: { en: "{node} sent the ACK", "pt-BR": "{node} enviou o ACK" },
  step_acknowledged: { en: "{node} got the broker's confirm", "pt-BR": "{node} recebeu a confirmação do broker" },
  step_timedOut: { en: "{node} gave up waiting for the confirm (timeout)", "pt-BR": "{node} desistiu de esperar a confirmação (timeout)" },
  step_forgotten: { en: "{node} forgot it in a crash", "pt-BR": "{node} esqueceu numa queda" },
  step_discarded: { en: "discarded at {node} ({reason})", "pt-BR": "descartada em {node} ({reason})" },
  step_removed: { en: "removed from {sub} ({reason})", "pt-BR": "removida de {sub} ({reason})" },
  step_other: { en: "{type}", "pt-BR": "{type}" },
  mark_committed: { en: "committed", "pt-BR": "commit" },
  mark_applied: { en: "applied", "pt-BR": "aplicada" },
  mark_duplicate: { en: "applied again", "pt-BR": "aplicada de novo" },
  mark_discarded: { en: "discarded", "pt-BR": "descartada" },
  mark_requeued: { en: "back in the queue", "pt-BR": "de volta à fila" },
  mark_redelivery: { en: "redelivered", "pt-BR": "reentregue" },
  mark_timedOut: { en: "timed out", "pt-BR": "timeout" },
  mark_deduplicated: { en: "de-duplicated", "pt-BR": "desduplicada" },
  mark_forgotten: { en: "forgotten", "pt-BR": "esquecida" },
  mark_crashed: { en: "crash", "pt-BR": "queda" },
  mark_restarted: { en: "back up", "pt-BR": "voltou" },
  mark_cut: { en: "link cut", "pt-BR": "link cortado" },
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

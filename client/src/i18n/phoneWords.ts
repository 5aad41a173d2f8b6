// The join page's words and the phone controller's it becomes once joined: the form and its
// refusals, the lobby, the seat (its help, its one-line hint, why a button is greyed out),
// the overlays, the end of a round, and lesson mode's poll and prediction.
import type { Text } from "../../../shared/scenarios/texts.js";
import type { SeatHintKey } from "../../../shared/view/seatHints.js";
import type { BlockReason } from "../../../shared/view/seatActions.js";
import type { JoinErrorCode } from "../joinErrors.js";
import { translator, type Vars } from "./locale.js";
import { brokerTerms } from "./roles.js";
import { ROOM_WORDS } from "./roomWords.js";
import { ROUND_WORDS } from "./roundWords.js";

const JOIN_WORDS = {
  joinTitle: { en: "Join the class", "pt-BR": "Entrar na turma" },
  code: { en: "Room code", "pt-BR": "Código da sala" },
  name: { en: "Your name", "pt-BR": "Seu nome" },
  join: { en: "Join", "pt-BR": "Entrar" },
  badCode: { en: "The room code has 6 letters and digits: look at the projector.", "pt-BR": "O código da sala tem 6 letras e números: veja no telão." },
  needName: { en: "Type your name.", "pt-BR": "Digite seu nome." },
} satisfies Record<string, Text>;

/** Why the room did not let the phone in, one sentence each (joinErrors.ts). */
const JOIN_REFUSALS = {
  join_badName: {
    en: "That name cannot be used: type another one (letters and digits).",
    "pt-BR": "Esse nome não pode ser usado: digite outro (letras e números).",
  },
  join_notHost: { en: "That link opens the instructor's screen, not a phone.", "pt-BR": "Esse link abre a tela do professor, não a de um celular." },
  join_roomLocked: {
    en: "This room is closed to new players: ask the instructor to open it.",
    "pt-BR": "Esta sala está fechada para novos jogadores: peça ao professor para abri-la.",
  },
  join_roomFull: { en: "This room is full: ask the instructor.", "pt-BR": "Esta sala está cheia: fale com o professor." },
  join_rateLimited: {
    en: "Too many tries from this network: wait a few seconds and try again.",
    "pt-BR": "Tentativas demais desta rede: espere alguns segundos e tente de novo.",
  },
  join_unknownRoom: { en: "No open room has that code. Check it on the projector.", "pt-BR": "Nenhuma sala aberta tem esse código. Confira no telão." },
  join_unreachable: {
    en: "The game server cannot be reached: check your Wi-Fi and try again.",
    "pt-BR": "Não foi possível falar com o servidor do jogo: confira seu Wi-Fi e tente de novo.",
  },
  join_serverError: { en: "Something went wrong on the server: try again in a moment.", "pt-BR": "Algo deu errado no servidor: tente de novo daqui a pouco." },
} satisfies Record<`join_${JoinErrorCode}`, Text>;

const LOBBY_WORDS = {
  youAreIn: { en: "You're in, {name}!", "pt-BR": "Você está na sala, {name}!" },
  youWillBe: { en: "You will play {role} {seat} in team {team}.", "pt-BR": "Você será {role} {seat} na equipe {team}." },
  waiting: { en: "Waiting for the instructor to start the round.", "pt-BR": "Aguardando o professor iniciar a rodada." },
  keepOpen: { en: "Keep this page open: the round starts by itself.", "pt-BR": "Deixe esta página aberta: a rodada começa sozinha." },
  spectator: {
    en: "You joined during a round: watch, you play from the next one.",
    "pt-BR": "Você entrou durante uma rodada: assista, você joga a partir da próxima.",
  },
  lessonTopic: { en: "Topic {n}: {title}", "pt-BR": "Tema {n}: {title}" },
  lookAtProjector: { en: "Look at the projector.", "pt-BR": "Olhe para o telão." },
} satisfies Record<string, Text>;

const SEAT_WORDS = {
  timeLeft: { en: "left", "pt-BR": "restantes" },
  finishing: { en: "finishing…", "pt-BR": "finalizando…" },
  whatDoIDo: { en: "What do I do?", "pt-BR": "O que eu faço?" },
  roleHelpTitle: { en: "You are {role} {seat}", "pt-BR": "Você é {role} {seat}" },
  yourButtons: { en: "Your buttons", "pt-BR": "Seus botões" },
  gotIt: { en: "Got it", "pt-BR": "Entendi" },
  nudge: { en: "Your team is waiting for you!", "pt-BR": "Sua equipe está esperando por você!" },
  botPlaying: { en: "A bot is playing for you: tap any button to come back.", "pt-BR": "Um bot está jogando por você: toque qualquer botão para voltar." },
  pausedTitle: { en: "Paused", "pt-BR": "Pausado" },
  pausedText: { en: "The instructor paused the round. Your seat waits for you.", "pt-BR": "O professor pausou a rodada. Seu lugar espera por você." },
  reconnectingText: { en: "Your seat is kept for you.", "pt-BR": "Seu lugar está guardado." },
  reload: { en: "Reload", "pt-BR": "Recarregar" },
  nextEvent: { en: "Next event", "pt-BR": "Próximo evento" },
  nextEventIn: { en: "Next event in {s} s", "pt-BR": "Próximo evento em {s} s" },
  readyEvents: { en: "{n} ready to send", "pt-BR": "{n} prontos para enviar" },
  noMoreEvents: { en: "No events left to send.", "pt-BR": "Não há mais eventos para enviar." },
  sent: { en: "What you sent", "pt-BR": "O que você enviou" },
  status_pending: { en: "waiting for {publishConfirm}", "pt-BR": "aguardando {publishConfirm}" },
  status_acknowledged: { en: "{publishConfirm} received", "pt-BR": "{publishConfirm} recebido" },
  status_timedOut: { en: "timed out", "pt-BR": "deu timeout" },
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
  failedTag: { en: "failed: database down", "pt-BR": "falhou: banco fora do ar" },
  acked: { en: "{ack} sent", "pt-BR": "{ack} enviado" },
  processedTag: { en: "done", "pt-BR": "processado" },
  seenBefore: { en: "already processed!", "pt-BR": "já processado!" },
  notSeen: { en: "new", "pt-BR": "novo" },
  held: { en: "held", "pt-BR": "retida" },
  intake: { en: "Arriving at the broker", "pt-BR": "Chegando ao broker" },
  emptyIntake: { en: "No message waiting.", "pt-BR": "Nenhuma mensagem esperando." },
  routeTo: { en: "Route to", "pt-BR": "Rotear para" },
  allSubscriptions: { en: "every subscription", "pt-BR": "todas as assinaturas" },
  theQueue: { en: "the queue", "pt-BR": "a fila" },
  queues: { en: "Queues", "pt-BR": "Filas" },
  subscriptions: { en: "Subscriptions", "pt-BR": "Assinaturas" },
  persistedTag: { en: "persisted", "pt-BR": "persistido" },
  confirmedTag: { en: "confirmed", "pt-BR": "confirmado" },
  routedTag: { en: "routed", "pt-BR": "roteado" },
  routingKeyTag: { en: "key {routingKey}", "pt-BR": "chave {routingKey}" },
  exchangeTitle: { en: "{type} {exchange} → queues ({binding})", "pt-BR": "{exchange} {type} → filas ({binding})" },
  anyKey: { en: "any key", "pt-BR": "qualquer chave" },
  youAreDown: { en: "Your node crashed! It restarts soon.", "pt-BR": "Seu nó caiu! Ele reinicia em breve." },
  slow: { en: "Your consumer is slow.", "pt-BR": "Seu consumidor está lento." },
  received: { en: "Received {msgId}", "pt-BR": "Recebido {msgId}" },
  ackReceived: { en: "{publishConfirm} for {msgId}", "pt-BR": "{publishConfirm} de {msgId}" },
  timedOutNotice: { en: "{msgId} timed out", "pt-BR": "{msgId} deu timeout" },
} satisfies Record<string, Text>;

/** The one-line hint under a seat (shared/view/seatHints.ts); {action} and {also} are button labels. */
const HINT_WORDS = {
  hint_down: { en: "Your node is down: wait, it restarts by itself.", "pt-BR": "Seu nó caiu: espere, ele reinicia sozinho." },
  hint_retry: { en: "{msgId} timed out: tap {action}.", "pt-BR": "{msgId} deu timeout: toque {action}." },
  hint_publishSaved: { en: "{msgId} is in the DB but not published: tap {action}.", "pt-BR": "{msgId} está no banco, mas não foi publicado: toque {action}." },
  hint_saveDbPublished: {
    en: "{msgId} is published but not in the DB: tap {action}.",
    "pt-BR": "{msgId} foi publicado, mas não está no banco: toque {action}.",
  },
  hint_waitAck: { en: "Wait for the answer to {msgId}, then send the next one.", "pt-BR": "Espere a resposta de {msgId} e depois envie o próximo." },
  hint_send: { en: "Tap {action} to publish {msgId}.", "pt-BR": "Toque {action} para publicar {msgId}." },
  hint_saveThenPublish: { en: "{msgId}: tap {action}, then {also}.", "pt-BR": "{msgId}: toque {action} e depois {also}." },
  hint_commitOutbox: {
    en: "Tap {action}: {msgId} and its outbox row in one transaction.",
    "pt-BR": "Toque {action}: {msgId} e sua linha do outbox numa só transação.",
  },
  hint_nextIn: { en: "Next event in {seconds} s.", "pt-BR": "Próximo evento em {seconds} s." },
  hint_waitingAcks: { en: "Waiting for the {publishConfirm} of {n} message(s).", "pt-BR": "Aguardando o {publishConfirm} de {n} mensagem(ns)." },
  hint_allSent: { en: "All sent. Well done!", "pt-BR": "Tudo enviado. Muito bem!" },
  hint_brokerWait: { en: "Nothing to do: wait for a message to reach the {exchange}.", "pt-BR": "Nada a fazer: espere chegar uma mensagem ({exchange})." },
  hint_brokerRoute: { en: "{msgId} arrived: choose where it goes and tap {action}.", "pt-BR": "{msgId} chegou: escolha o destino e toque {action}." },
  hint_brokerRouteKey: {
    en: "{msgId} has routing key {routingKey}: tap {action} for each queue whose {binding} matches, then {also}.",
    "pt-BR": "{msgId} tem routing key {routingKey}: toque {action} para cada fila cujo {binding} casa, e depois {also}.",
  },
  hint_brokerRouteMore: {
    en: "{msgId} ({routingKey}) went to {queues}. Another {binding} matches? Tap {also} again; otherwise {action}.",
    "pt-BR": "{msgId} ({routingKey}) foi para {queues}. Outro {binding} casa? Toque {also} de novo; senão, {action}.",
  },
  hint_brokerPersist: { en: "{msgId}: tap {action} so it survives a crash.", "pt-BR": "{msgId}: toque {action} para ela sobreviver a uma queda." },
  hint_brokerConfirm: {
    en: "{msgId}: tap {action} so the producer knows you have it.",
    "pt-BR": "{msgId}: toque {action} para o produtor saber que ela chegou.",
  },
  hint_consumerWait: { en: "Inbox empty: wait for {broker} to deliver.", "pt-BR": "Caixa vazia: espere o {broker} entregar." },
  hint_ack: { en: "{msgId} is processed: tap {action}.", "pt-BR": "{msgId} foi processada: toque {action}." },
  hint_seenAck: {
    en: "{msgId} was already processed: tap {action}, do not process it again.",
    "pt-BR": "{msgId} já foi processada: toque {action}, não processe de novo.",
  },
  hint_ackFirst: { en: "{msgId} arrived: tap {action} first, then {also}.", "pt-BR": "{msgId} chegou: toque {action} primeiro e depois {also}." },
  hint_failed: {
    en: "Processing {msgId} failed (its database was down): tap {action} to try again.",
    "pt-BR": "O processamento de {msgId} falhou (o banco estava fora do ar): toque {action} para tentar de novo.",
  },
  hint_failedNack: {
    en: "Processing {msgId} failed (its database was down): tap {action} to try again, or {also} to give it back ({nack}).",
    "pt-BR": "O processamento de {msgId} falhou (o banco estava fora do ar): toque {action} para tentar de novo, ou {also} para devolvê-la ({nack}).",
  },
  hint_processing: { en: "Processing {msgId}… wait for the bar.", "pt-BR": "Processando {msgId}… espere a barra." },
  hint_check: { en: "Is {msgId} a repeat? Tap {action}.", "pt-BR": "{msgId} é repetida? Toque {action}." },
  hint_orderCheck: {
    en: "{key} #{seq}: if #{prev} is not done yet, tap {also}; otherwise {action}.",
    "pt-BR": "{key} #{seq}: se a #{prev} ainda não foi feita, toque {also}; senão, {action}.",
  },
  hint_process: { en: "Tap {action} for {msgId}.", "pt-BR": "Toque {action} para {msgId}." },
  hint_allHeld: {
    en: "{msgId} is held until {key} #{prev} is done; {action} lets it go now.",
    "pt-BR": "{msgId} está retida até a {key} #{prev} ser feita; {action} solta agora.",
  },
} satisfies Record<`hint_${SeatHintKey}`, Text>;

/** Under a greyed-out button: why it cannot act now (shared/view/seatActions.ts), or the round's phase. */
const WHY_WORDS = {
  why_down: { en: "node down", "pt-BR": "nó fora do ar" },
  why_noEvents: { en: "nothing left", "pt-BR": "nada mais" },
  why_notYet: { en: "in {s} s", "pt-BR": "em {s} s" },
  why_noTimeout: { en: "nothing timed out", "pt-BR": "nada deu timeout" },
  why_waitAck: { en: "waiting for the answer", "pt-BR": "aguardando a resposta" },
  why_tooMany: { en: "too many awaiting ACK", "pt-BR": "ACKs demais pendentes" },
  why_retryFirst: { en: "retry first", "pt-BR": "reenvie antes" },
  why_empty: { en: "nothing here", "pt-BR": "nada chegou" },
  why_busy: { en: "processing…", "pt-BR": "processando…" },
  why_nothingToAck: { en: "nothing processed", "pt-BR": "nada processado" },
  why_ackFirst: { en: "{ack} first", "pt-BR": "antes, {ack}" },
  why_nothingHeld: { en: "nothing held", "pt-BR": "nada retido" },
  why_allHeld: { en: "all held", "pt-BR": "tudo retido" },
  why_done: { en: "all done", "pt-BR": "tudo feito" },
  why_paused: { en: "paused", "pt-BR": "pausado" },
  why_countdown: { en: "starting…", "pt-BR": "começando…" },
} satisfies Record<`why_${BlockReason | "paused" | "countdown"}`, Text>;

const RESULT_WORDS = {
  teamPlace: { en: "Team {team} · place {rank} of {count}", "pt-BR": "Equipe {team} · {rank}º lugar de {count}" },
  teamOnly: { en: "Team {team}", "pt-BR": "Equipe {team}" },
  yourContribution: { en: "Your part: {actions} actions, {refusals} refused.", "pt-BR": "Sua participação: {actions} ações, {refusals} recusadas." },
  mainCause_lost: { en: "Main cause of {count} of the {total} losses:", "pt-BR": "Causa principal de {count} das {total} perdas:" },
  mainCause_duplicated: { en: "Main cause of {count} of the {total} duplicates:", "pt-BR": "Causa principal de {count} das {total} duplicações:" },
  mainCause_misordered: {
    en: "Main cause of {count} of the {total} out-of-order deliveries:",
    "pt-BR": "Causa principal de {count} das {total} entregas fora de ordem:",
  },
  mainCause_inconsistent: { en: "Main cause of {count} of the {total} inconsistencies:", "pt-BR": "Causa principal de {count} das {total} inconsistências:" },
  mainCause_race: { en: "Main cause of {count} of the {total} lost updates:", "pt-BR": "Causa principal de {count} das {total} atualizações perdidas:" },
  mainCause_wrongFinalState: { en: "Main cause of {count} of the {total} wrong balances:", "pt-BR": "Causa principal de {count} dos {total} saldos errados:" },
  mainCause_parked: { en: "Main cause of {count} of the {total} parked messages:", "pt-BR": "Causa principal de {count} das {total} mensagens estacionadas:" },
  mainCauseOne_lost: { en: "Cause of the loss:", "pt-BR": "Causa da perda:" },
  mainCauseOne_duplicated: { en: "Cause of the duplicate:", "pt-BR": "Causa da duplicação:" },
  mainCauseOne_misordered: { en: "Cause of the out-of-order delivery:", "pt-BR": "Causa da entrega fora de ordem:" },
  mainCauseOne_inconsistent: { en: "Cause of the inconsistency:", "pt-BR": "Causa da inconsistência:" },
  mainCauseOne_race: { en: "Cause of the lost update:", "pt-BR": "Causa da atualização perdida:" },
  mainCauseOne_wrongFinalState: { en: "Cause of the wrong balance:", "pt-BR": "Causa do saldo errado:" },
  mainCauseOne_parked: { en: "Cause of the parked message:", "pt-BR": "Causa da mensagem estacionada:" },
  mainCauseAll_lost: { en: "Main cause of the {total} losses:", "pt-BR": "Causa principal das {total} perdas:" },
  mainCauseAll_duplicated: { en: "Main cause of the {total} duplicates:", "pt-BR": "Causa principal das {total} duplicações:" },
  mainCauseAll_misordered: { en: "Main cause of the {total} out-of-order deliveries:", "pt-BR": "Causa principal das {total} entregas fora de ordem:" },
  mainCauseAll_inconsistent: { en: "Main cause of the {total} inconsistencies:", "pt-BR": "Causa principal das {total} inconsistências:" },
  mainCauseAll_race: { en: "Main cause of the {total} lost updates:", "pt-BR": "Causa principal das {total} atualizações perdidas:" },
  mainCauseAll_wrongFinalState: { en: "Main cause of the {total} wrong balances:", "pt-BR": "Causa principal dos {total} saldos errados:" },
  mainCauseAll_parked: { en: "Main cause of the {total} parked messages:", "pt-BR": "Causa principal das {total} mensagens estacionadas:" },
  parkedMessages: { en: "parked ({deadLetter})", "pt-BR": "estacionadas ({deadLetter})" },
  wrongBalances: { en: "wrong balances", "pt-BR": "saldos errados" },
  noAnomaly: { en: "No anomaly: nothing lost, duplicated or out of order.", "pt-BR": "Nenhuma anomalia: nada perdido, duplicado ou fora de ordem." },
  waitResults: { en: "Counting the results…", "pt-BR": "Contando os resultados…" },
} satisfies Record<string, Text>;

const DESIGN_WORDS = {
  designTitle: { en: "Your end: {end}", "pt-BR": "Sua ponta: {end}" },
  designWho: { en: "{seat} · team {team}", "pt-BR": "{seat} · equipe {team}" },
  designHelp: {
    en: "Tap one choice per setting: your team sees it at once. Every choice has a cost. The round starts when the time is up.",
    "pt-BR": "Toque numa opção por configuração: sua equipe vê na hora. Toda escolha tem um custo. A rodada começa quando o tempo acabar.",
  },
  designTimeLeft: { en: "design time left", "pt-BR": "tempo de design" },
  designTeam: { en: "Your team's pipeline", "pt-BR": "O pipeline da sua equipe" },
  designYou: { en: "you", "pt-BR": "você" },
  designBots: { en: "bots", "pt-BR": "bots" },
  perMinute: { en: "{n} effects/min", "pt-BR": "{n} efeitos/min" },
  designNoEnd: { en: "No end to design for you: watch the projector.", "pt-BR": "Nenhuma ponta para você configurar: acompanhe o projetor." },
} satisfies Record<string, Text>;

const LESSON_WORDS = {
  poll: { en: "Poll", "pt-BR": "Enquete" },
  pollSend: { en: "Send", "pt-BR": "Enviar" },
  pollUpdate: { en: "Update my answer", "pt-BR": "Atualizar resposta" },
  pollSent: { en: "Sent: “{text}”. You can change it until the poll closes.", "pt-BR": "Enviado: “{text}”. Dá para mudar até a enquete fechar." },
  pollEmpty: { en: "Type a few words first.", "pt-BR": "Digite algumas palavras antes." },
  pollTooLong: { en: "At most {max} characters.", "pt-BR": "No máximo {max} caracteres." },
  prediction: { en: "Your prediction", "pt-BR": "Seu palpite" },
  predictionChosen: { en: "Chosen: you can change it until the vote closes.", "pt-BR": "Escolhido: dá para mudar até a votação fechar." },
  predictionPick: { en: "Tap the option you believe in.", "pt-BR": "Toque na opção em que você acredita." },
} satisfies Record<string, Text>;

export const PHONE_WORDS = {
  ...JOIN_WORDS,
  ...JOIN_REFUSALS,
  ...LOBBY_WORDS,
  ...SEAT_WORDS,
  ...HINT_WORDS,
  ...WHY_WORDS,
  ...RESULT_WORDS,
  ...LESSON_WORDS,
  ...DESIGN_WORDS,
};

const words = translator({ ...ROUND_WORDS, ...ROOM_WORDS, ...PHONE_WORDS });
export type PhoneKey = Parameters<typeof words>[0];

/** A phone's words; a {term} of the broker's vocabulary ({ack}, {publishConfirm}…) is filled in the round's broker's words. */
export const t = (key: PhoneKey, vars?: Vars): string => words(key, { ...brokerTerms(), ...vars });

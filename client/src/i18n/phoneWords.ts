// The join page's words and the phone controller's it becomes once joined.
import type { Text } from "../../../shared/scenarios/texts.js";
import { translator } from "./locale.js";
import { ROOM_WORDS } from "./roomWords.js";
import { ROUND_WORDS } from "./roundWords.js";

const PHONE_WORDS = {
  joinTitle: { en: "Join the class", "pt-BR": "Entrar na turma" },
  code: { en: "Room code", "pt-BR": "Código da sala" },
  name: { en: "Your name", "pt-BR": "Seu nome" },
  join: { en: "Join", "pt-BR": "Entrar" },
  badCode: { en: "That code has 6 letters and digits.", "pt-BR": "O código tem 6 letras e números." },
  unknownRoom: { en: "No open room has that code.", "pt-BR": "Nenhuma sala aberta tem esse código." },
  needName: { en: "Type your name.", "pt-BR": "Digite seu nome." },
  spectator: { en: "You joined during a round: watch, you play from the next one.", "pt-BR": "Você entrou durante uma rodada: assista, você joga a partir da próxima." },
  waiting: { en: "Waiting for the instructor to start the round.", "pt-BR": "Aguardando o professor iniciar a rodada." },
  nextEvent: { en: "Next event", "pt-BR": "Próximo evento" },
  noMoreEvents: { en: "No events left to send.", "pt-BR": "Não há mais eventos para enviar." },
  nextEventIn: { en: "next event in {s} s", "pt-BR": "próximo evento em {s} s" },
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
  yourContribution: { en: "Your part: {actions} actions, {refusals} refused.", "pt-BR": "Sua parte: {actions} ações, {refusals} recusadas." },
  teamResult: { en: "Your team: {committed} committed, {lost} lost, {duplicated} duplicated, {misordered} out of order.", "pt-BR": "Sua equipe: {committed} confirmados, {lost} perdidos, {duplicated} duplicados, {misordered} fora de ordem." },
  received: { en: "Received {msgId}", "pt-BR": "Recebido {msgId}" },
  ackReceived: { en: "ACK for {msgId}", "pt-BR": "ACK de {msgId}" },
  timedOutNotice: { en: "{msgId} timed out", "pt-BR": "{msgId} deu timeout" },
} satisfies Record<string, Text>;

export const t = translator({ ...ROUND_WORDS, ...ROOM_WORDS, ...PHONE_WORDS });
export type PhoneKey = Parameters<typeof t>[0];

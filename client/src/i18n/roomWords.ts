// A live room's words, on the phone and the projector: the connection, the round's phases,
// and why the room refused a command (the refusal codes of the engine and the room).
import type { Text } from "../../../shared/scenarios/texts.js";
import { translator, tx } from "./locale.js";

export const ROOM_WORDS = {
  joining: { en: "Joining…", "pt-BR": "Entrando…" },
  reconnecting: { en: "Reconnecting…", "pt-BR": "Reconectando…" },
  connected: { en: "Connected", "pt-BR": "Conectado" },
  disconnected: { en: "Disconnected. Reload to come back to your seat.", "pt-BR": "Desconectado. Recarregue para voltar ao seu lugar." },
  countdown: { en: "Starting in {n}…", "pt-BR": "Começando em {n}…" },
  design: { en: "Design phase: each end chooses its settings", "pt-BR": "Fase de design: cada ponta escolhe suas configurações" },
  running: { en: "Round running", "pt-BR": "Rodada em andamento" },
  paused: { en: "Paused", "pt-BR": "Pausado" },
  draining: { en: "Round over: bots finish what is in flight…", "pt-BR": "Fim da rodada: os bots terminam o que está em trânsito…" },
  over: { en: "Round over", "pt-BR": "Rodada encerrada" },
  lobby: { en: "Lobby", "pt-BR": "Sala de espera" },
  refused: { en: "Refused: {reason}", "pt-BR": "Recusado: {reason}" },
  leaderboard: { en: "Leaderboard", "pt-BR": "Placar" },
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
  reason_held: { en: "this message is held: release it first", "pt-BR": "esta mensagem está retida: libere antes" },
  reason_notHeld: { en: "this message is not held", "pt-BR": "esta mensagem não está retida" },
  reason_notEarly: { en: "the one before it was already applied", "pt-BR": "a anterior já foi aplicada" },
  reason_holdFull: { en: "no room to hold more messages", "pt-BR": "não cabe mais nenhuma mensagem retida" },
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
  reason_profileNotAllowed: {
    en: "this variant does not run on that broker: pick one of the brokers it lists",
    "pt-BR": "esta variante não roda nesse broker: escolha um dos brokers que ela lista",
  },
  reason_notInLesson: { en: "no lesson is running", "pt-BR": "nenhuma aula em andamento" },
  reason_closed: { en: "it is closed now", "pt-BR": "já está fechada" },
  reason_badOption: { en: "not one of the options", "pt-BR": "não é uma das opções" },
  reason_tooLong: { en: "too long", "pt-BR": "longo demais" },
  reason_notDesigning: { en: "the design phase is not open", "pt-BR": "a fase de design não está aberta" },
  reason_wrongEnd: { en: "that setting belongs to another end of the pipeline", "pt-BR": "essa configuração é de outra ponta do pipeline" },
  reason_badChoice: { en: "not a choice of that setting", "pt-BR": "não é uma opção dessa configuração" },
  reason_notDesignRound: { en: "choose the design round first", "pt-BR": "escolha antes a rodada de design" },
} satisfies Record<string, Text>;

/** The subscriptions' names (shared/engine/team.ts): the queue's, then a topic's, one per consumer. */
const SUBSCRIPTION_WORDS: Record<string, Text> = {
  orders: { en: "orders", "pt-BR": "pedidos" },
  billing: { en: "billing", "pt-BR": "cobrança" },
  shipping: { en: "shipping", "pt-BR": "entrega" },
  loyalty: { en: "loyalty", "pt-BR": "fidelidade" },
  email: { en: "email", "pt-BR": "e-mail" },
  audit: { en: "audit", "pt-BR": "auditoria" },
  stock: { en: "stock", "pt-BR": "estoque" },
};

const t = translator(ROOM_WORDS);

/** A refusal code in words; a code without words (a newer server) shows as itself. */
export function reasonText(code: string): string {
  const key = `reason_${code}`;
  return key in ROOM_WORDS ? t(key as keyof typeof ROOM_WORDS) : code;
}

/** A subscription's name in the page's language ("billing-7" keeps its number); an unknown one as itself. */
export function subscriptionName(name: string): string {
  const [, base, suffix] = /^(.*?)(-\d+)?$/.exec(name) ?? [name, name, ""];
  const text = SUBSCRIPTION_WORDS[base];
  return text ? tx(text) + (suffix ?? "") : name;
}

/** The queue's subscription: a broker with only it routes to a queue, not to a topic's subscriptions. */
export const QUEUE_NAME = "orders";

// What a seat's phone shows of its role, in English and Brazilian Portuguese: each role's
// name and help, each action's button label and help. Kept apart from the scenario and
// cause texts (texts.ts) so the phone's page loads only these. Pure data; action ids are
// contracts (the phone's data-testid `action-<id>`; a nack has two buttons, `nack` and `reject`).
import type { ActionButton } from "../engine/actions.js";
import type { Role } from "../engine/types.js";
import type { Text } from "./texts.js";

// Action labels and role names stay within 22 characters (they are buttons and headings).

export interface RoleText {
  name: Text;
  help: Text;
}

export interface ActionText {
  label: Text;
  help: Text;
}

/** Each role's name and what it does (docs/game.md#roles). */
export const ROLE_TEXTS: Record<Role, RoleText> = {
  producer: {
    name: { en: "Producer", "pt-BR": "Produtor" },
    help: {
      en: "Send your business events to the broker as they come in, watch for each ACK, and retry what timed out.",
      "pt-BR": "Envie seus eventos de negócio ao broker à medida que chegam, acompanhe cada ACK e reenvie o que deu timeout.",
    },
  },
  broker: {
    name: { en: "Broker", "pt-BR": "Broker" },
    help: {
      en: "Route incoming messages to a queue, every topic subscription or a partition, and confirm to the producer.",
      "pt-BR": "Roteie as mensagens que chegam para uma fila, cada assinatura do tópico ou uma partição, e confirme ao produtor.",
    },
  },
  consumer: {
    name: { en: "Consumer", "pt-BR": "Consumidor" },
    help: {
      en: "Process what you receive, then ack it; when allowed, check for repeats or hold early arrivals.",
      "pt-BR": "Processe o que receber e depois dê ACK; quando permitido, verifique repetidas ou retenha as adiantadas.",
    },
  },
};

/** Each action's button: one per action, data-testid `action-<id>`. */
export const ACTION_TEXTS: Record<string, ActionText> = {
  send: {
    label: { en: "Send", "pt-BR": "Enviar" },
    help: {
      en: "Publish your next business event; new ones arrive during the round.",
      "pt-BR": "Publica o seu próximo evento de negócio; novos chegam durante a rodada.",
    },
  },
  retry: {
    label: { en: "Retry", "pt-BR": "Reenviar" },
    help: {
      en: "Send a timed-out event again, with the same id.",
      "pt-BR": "Envia de novo um evento que deu timeout, com o mesmo id.",
    },
  },
  saveDb: {
    label: { en: "Save to DB", "pt-BR": "Salvar no banco" },
    help: {
      en: "Write the business change to your database.",
      "pt-BR": "Grava a mudança de negócio no seu banco de dados.",
    },
  },
  publish: {
    label: { en: "Publish", "pt-BR": "Publicar" },
    help: {
      en: "Send the event you saved to the broker.",
      "pt-BR": "Envia ao broker o evento que você salvou.",
    },
  },
  commitOutbox: {
    label: { en: "Commit with outbox", "pt-BR": "Salvar com outbox" },
    help: {
      en: "Save the change and its outbox row in one transaction; the relay publishes later.",
      "pt-BR": "Grava a mudança e a linha do outbox numa só transação; o relay publica depois.",
    },
  },
  route: {
    label: { en: "Route", "pt-BR": "Rotear" },
    help: {
      en: "Send this message to a queue, a topic or a partition.",
      "pt-BR": "Manda esta mensagem para uma fila, um tópico ou uma partição.",
    },
  },
  confirm: {
    label: { en: "Confirm (ACK)", "pt-BR": "Confirmar (ACK)" },
    help: {
      en: "Send the ACK back to the producer: the broker now owns the message.",
      "pt-BR": "Devolve o ACK ao produtor: agora a mensagem é responsabilidade do broker.",
    },
  },
  persist: {
    label: { en: "Persist", "pt-BR": "Persistir" },
    help: {
      en: "Write the message to disk so it survives a broker crash.",
      "pt-BR": "Grava a mensagem em disco para ela sobreviver a uma queda do broker.",
    },
  },
  process: {
    label: { en: "Process", "pt-BR": "Processar" },
    help: {
      en: "Apply the event's effect; a crash may strike halfway.",
      "pt-BR": "Aplica o efeito do evento; uma queda pode acontecer no meio.",
    },
  },
  ack: {
    label: { en: "Ack", "pt-BR": "Dar ACK" },
    help: {
      en: "Tell the broker you are done with this message.",
      "pt-BR": "Avisa o broker que você terminou esta mensagem.",
    },
  },
  nack: {
    label: { en: "Nack (requeue)", "pt-BR": "NACK (devolver à fila)" },
    help: {
      en: "Give the message back to the queue for another try (a quorum queue puts it at the back, behind the later ones).",
      "pt-BR": "Devolve a mensagem à fila para outra tentativa (uma quorum queue a coloca no fim, atrás das seguintes).",
    },
  },
  reject: {
    label: { en: "Reject", "pt-BR": "Rejeitar" },
    help: {
      en: "Refuse the message for good (a nack without requeue): the broker moves it to the dead-letter queue, or drops it if there is none.",
      "pt-BR": "Recusa a mensagem de vez (um NACK sem requeue): o broker a move para a dead-letter queue ou, se não houver uma, a descarta.",
    },
  },
  check: {
    label: { en: "Check processed ids", "pt-BR": "Checar processados" },
    help: {
      en: "Look up whether this message id was already processed.",
      "pt-BR": "Verifica se o id desta mensagem já foi processado.",
    },
  },
  hold: {
    label: { en: "Hold", "pt-BR": "Reter" },
    help: {
      en: "Keep this message aside until the one before it is applied; then it goes on by itself (or after a while).",
      "pt-BR": "Retém esta mensagem até a anterior ser aplicada; aí ela segue sozinha (ou depois de um tempo).",
    },
  },
  release: {
    label: { en: "Release", "pt-BR": "Liberar" },
    help: {
      en: "Let a held message go on to processing now.",
      "pt-BR": "Libera agora uma mensagem retida para ser processada.",
    },
  },
} satisfies Record<ActionButton, ActionText>;

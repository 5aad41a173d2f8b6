// Who may do what: every action a person can take, derived from the engine's Command, with
// the role that has it and the fields it carries. Declared once here; the engine's role
// checks, the wire's validation, the phones' buttons and the texts all follow it. Adding an
// action to Command without declaring it here fails typechecking.
import type { Command, Role } from "./types.js";

/** The actions a person can take (the host's fault is not one). */
export type PlayerAction = Exclude<Command["action"], "fault">;

/** The fields an action's command carries besides seat and action. */
export type ActionArgument<A extends PlayerAction> = Exclude<keyof Extract<Command, { action: A }>, "seat" | "action">;
/** Every field some action carries (token, msgId, target). */
export type AnyActionArgument = { [A in PlayerAction]: ActionArgument<A> }[PlayerAction];

export const PLAYER_ACTION_SPECS = {
  send: { role: "producer", needs: {} },
  retry: { role: "producer", needs: { msgId: true } },
  saveDb: { role: "producer", needs: {} },
  publish: { role: "producer", needs: {} },
  commitOutbox: { role: "producer", needs: {} },
  route: { role: "broker", needs: { token: true, target: true } },
  confirm: { role: "broker", needs: { token: true } },
  persist: { role: "broker", needs: { token: true } },
  process: { role: "consumer", needs: { token: true } },
  ack: { role: "consumer", needs: { token: true } },
  nack: { role: "consumer", needs: { token: true, requeue: true } },
  check: { role: "consumer", needs: { token: true } },
  hold: { role: "consumer", needs: { token: true } },
  release: { role: "consumer", needs: { token: true } },
} as const satisfies { [A in PlayerAction]: { role: Role; needs: Record<ActionArgument<A>, true> } };

export const PLAYER_ACTIONS = Object.keys(PLAYER_ACTION_SPECS) as PlayerAction[];

/**
 * A button of a phone: one per action, and two for a nack, which carries requeue — `nack`
 * hands the message back to the queue, `reject` refuses it (dead-lettered or dropped).
 */
export type ActionButton = PlayerAction | "reject";

/** The action a button sends, and the requeue flag a nack carries. */
export function buttonCommand(button: ActionButton): { action: PlayerAction; requeue?: boolean } {
  if (button === "reject") return { action: "nack", requeue: false };
  return button === "nack" ? { action: "nack", requeue: true } : { action: button };
}

/** The actions of one role. */
export type ActionOf<R extends Role> = { [A in PlayerAction]: (typeof PLAYER_ACTION_SPECS)[A]["role"] extends R ? A : never }[PlayerAction];

export function isPlayerAction(action: unknown): action is PlayerAction {
  return typeof action === "string" && Object.hasOwn(PLAYER_ACTION_SPECS, action);
}

/** True when the command is one of `role`'s actions (narrows it for the role's handler). */
export function isActionOf<R extends Role>(command: Command, role: R): command is Extract<Command, { action: ActionOf<R> }> {
  return command.action !== "fault" && PLAYER_ACTION_SPECS[command.action].role === role;
}

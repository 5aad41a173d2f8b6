// Waiting on a real broker: for a condition (with a deadline), or for one of the broker's
// own timers to run out (a DuplicateWindow, an AckWait) — the one place a fixed pause is
// the experiment itself.

/** A broker could not be reached, or went away mid-run: the run stops with exit code 2. */
export class BrokerUnreachable extends Error {}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` every 10 ms; true as soon as it holds, false once `timeoutMs` has passed. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() >= deadline) return false;
    await pause(10);
  }
}

/** As `until`, but a condition that never holds is an error of the experiment. */
export async function mustReach(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  if (!(await until(condition, timeoutMs))) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** The first line of an error's message, for a one-sentence report. */
export function reason(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e?.code === "string" && /^E[A-Z]+$/.test(e.code)) return e.code;
  return String(e?.message ?? error).split("\n")[0];
}

/** A cleanup step that gives up after `ms` instead of hanging on a dead connection: its value, or null. */
export async function bounded<T>(step: Promise<T>, ms = 3000): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([step.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// The playhead: seek, step, play and pause, speed, and the clock that moves it while playing
// (one animation frame at a time, whole ticks at once, the remainder carried).
import type { FollowStep } from "../../../shared/replay/follow.js";
import { advance } from "../../../shared/replay/replayIndex.js";
import { canvas } from "./canvas.js";
import { redraw, replayPage, update } from "./pageState.js";

export function seekTo(tick: number, step?: FollowStep): void {
  const { round, playhead } = replayPage();
  if (!round || !playhead) return;
  update({ playhead: advance(round.index, playhead, tick), carry: 0 });
  canvas.drawPlayhead(step);
  redraw("playhead");
}

/** Pauses, then moves `delta` ticks. */
export function stepBy(delta: number): void {
  update({ playing: false });
  seekTo((replayPage().playhead?.tick ?? 0) + delta);
}

/** Playing from the end starts over. */
export function setPlaying(on: boolean): void {
  const { round, playhead } = replayPage();
  if (!round || !playhead) return;
  if (on && playhead.tick >= round.index.lastTick) seekTo(0);
  update({ playing: on, carry: 0 }, "playhead");
}

export function togglePlay(): void {
  setPlaying(!replayPage().playing);
}

export function setSpeed(speed: number): void {
  update({ speed, carry: 0 });
}

/** Runs the clock for the page's whole life; it moves the playhead only while playing. */
export function startClock(): void {
  let lastFrame = performance.now();
  const frame = (now: number): void => {
    requestAnimationFrame(frame);
    const dt = Math.min(250, Math.max(0, now - lastFrame));
    lastFrame = now;
    const { round, playhead, playing, speed } = replayPage();
    if (!round || !playhead) return;
    if (playing) {
      let carry = replayPage().carry + (dt * speed) / round.index.tickMs;
      const whole = Math.floor(carry);
      if (whole > 0) {
        carry -= whole;
        const next = advance(round.index, playhead, Math.min(round.index.lastTick, playhead.tick + whole));
        const ended = next.tick >= round.index.lastTick;
        update({ playhead: next, carry: ended ? 0 : carry, playing: !ended }, "playhead");
      } else update({ carry });
    }
    canvas.frame();
  };
  requestAnimationFrame(frame);
}

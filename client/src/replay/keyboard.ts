// The replay's keyboard: space plays and pauses, the arrows step a tick (Shift: 10 s),
// Home and End go to either end, N and P to the next and previous anomaly. Keys typed into
// a field stay there; on the timeline the plain arrows and Home/End are the slider's own.
import { jumpToNearestAnomaly } from "./selection.js";
import { replayPage } from "./pageState.js";
import { seekTo, stepBy, togglePlay } from "./playback.js";

export function installKeyboard(): void {
  document.addEventListener("keydown", (e) => {
    const { round, playhead } = replayPage();
    if (!round || !playhead || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const onRange = target instanceof HTMLInputElement && target.type === "range";
    if ((target instanceof HTMLInputElement && !onRange) || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
    const onButton = target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
    switch (e.key) {
      case " ":
        if (onButton) return;
        e.preventDefault();
        togglePlay();
        break;
      case "ArrowLeft":
      case "ArrowRight": {
        if (onRange && !e.shiftKey) return;
        e.preventDefault();
        const size = e.shiftKey ? Math.round(10_000 / round.index.tickMs) : 1;
        stepBy(e.key === "ArrowLeft" ? -size : size);
        break;
      }
      case "Home":
      case "End":
        if (onRange) return;
        e.preventDefault();
        seekTo(e.key === "Home" ? 0 : round.index.lastTick);
        break;
      case "n":
      case "N":
        jumpToNearestAnomaly(1);
        break;
      case "p":
      case "P":
        jumpToNearestAnomaly(-1);
        break;
    }
  });
}

// Texts the join page does without, fetched once the phone has joined (the join page stays
// light): the scenarios' titles and summaries for the role help, the lesson's polls and
// predictions, and the causes' sentences for the end screen. Each arrives once; the phone
// redraws when it does.
import type { causeSentence as CauseSentence } from "../../../shared/checker/causeSentence.js";
import type { LessonTopic } from "../../../shared/lesson/plan.js";
import type { ScenarioText } from "../../../shared/scenarios/texts.js";

export class LazyTexts {
  scenarios: Record<string, ScenarioText> | null = null;
  lesson: readonly LessonTopic[] | null = null;
  causeSentence: typeof CauseSentence | null = null;

  /** Starts every download; `loaded` runs after each one lands. */
  constructor(loaded: () => void) {
    const land = <T>(promise: Promise<T>, keep: (value: T) => void) =>
      promise.then(
        (value) => {
          keep(value);
          loaded();
        },
        () => undefined,
      );
    land(import("../../../shared/scenarios/texts.js"), (m) => (this.scenarios = m.SCENARIO_TEXTS));
    land(import("../../../shared/lesson/topics.js"), (m) => (this.lesson = m.LESSON));
    land(import("../../../shared/checker/causeSentence.js"), (m) => (this.causeSentence = m.causeSentence));
  }

  topic(n: number): LessonTopic | null {
    return this.lesson?.find((t) => t.topic === n) ?? null;
  }
}

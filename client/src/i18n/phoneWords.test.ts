import { describe, expect, it } from "vitest";
import { CATALOGUE, seatsOf } from "../../../shared/scenarios/catalogue.js";
import { createRound, stepRound } from "../../../shared/sim/round.js";
import { seatHint } from "../../../shared/view/seatHints.js";
import { seatMessage } from "../../../shared/view/seatView.js";
import { hintText } from "../phone/actionDock.js";
import { setLocale } from "./locale.js";
import { PHONE_WORDS } from "./phoneWords.js";

// setLocale marks the page's language; here there is no page.
(globalThis as { document?: unknown }).document ??= { documentElement: {} };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the phone's words", () => {
  it("say everything in both languages, with the same placeholders", () => {
    for (const [key, text] of Object.entries(PHONE_WORDS)) {
      expect(text.en.trim(), key).not.toBe("");
      expect(text["pt-BR"].trim(), key).not.toBe("");
      expect(placeholders(text["pt-BR"]), key).toEqual(placeholders(text.en));
    }
  });

  it("leave no hole in any hint a seat gives in real rounds of every variant, in either language", () => {
    let read = 0;
    for (const scenario of CATALOGUE)
      for (const variant of scenario.variants) {
        const round = createRound({ scenario: scenario.id, variant: variant.id, seed: 9, teams: 1, roundTicks: 300 });
        const config = round.header.config;
        for (let tick = 0; round.phase === "running"; tick++) {
          stepRound(round);
          if (tick % 17 !== 0) continue;
          for (const { seat } of seatsOf(config)) {
            const hint = seatHint(seatMessage(config, round.teams[0], 0, seat));
            if (!hint) continue;
            for (const locale of ["en", "pt-BR"] as const) {
              setLocale(locale);
              const text = hintText(hint);
              expect(text, `${scenario.id}/${variant.id} ${seat} ${hint.key}`).not.toMatch(/\{\w+\}|undefined|null/);
              read++;
            }
          }
        }
      }
    expect(read).toBeGreaterThan(200);
  });
});

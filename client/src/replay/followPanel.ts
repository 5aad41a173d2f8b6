// "Follow a message": a message id (typed, picked from the team's list, or clicked in the
// anomaly list) and its whole journey, step by step with ticks; a click on a step seeks
// there and flags it on the canvas. Steps already played are ticked off as time runs.
import { formatTickFine } from "../../../shared/replay/format.js";
import { messageIds } from "../../../shared/replay/follow.js";
import { h, reveal } from "../dom.js";
import { t } from "../i18n/replayWords.js";
import type { PageContext, Panel } from "./context.js";
import { stepText } from "./sentences.js";

export function followPanel(ctx: PageContext): Panel {
  const { index } = ctx.round;
  const input = h("input", {
    id: "follow-input",
    testid: "follow-message",
    list: "follow-ids",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: t("replayFollowHint"),
    value: ctx.followText,
    "aria-label": t("replayFollow"),
  });
  const ids = h(
    "datalist",
    { id: "follow-ids" },
    ...messageIds(index, ctx.team)
      .slice(0, 2000)
      .map((id) => h("option", { value: id })),
  );
  const form = h(
    "form",
    { class: "follow-form", onsubmit: (e: Event) => (e.preventDefault(), ctx.follow(ctx.team, input.value)) },
    input,
    ids,
    h("button", { type: "submit", class: "primary", testid: "follow-go" }, t("replayFollowGo")),
  );
  const followed = ctx.followed;
  const items: { li: HTMLElement; tick: number }[] = [];
  let body: HTMLElement;
  let list: HTMLElement | null = null;
  let shown: HTMLElement | null = null;
  if (followed && followed.team === ctx.team) {
    list = h(
      "ol",
      { class: "list compact steps", testid: "follow-steps" },
      ...followed.steps.map((step, i) => {
        const li = h(
          "li",
          { testid: "follow-step", class: step.harmful ? "harmful" : "", "data-tick": step.tick, "data-kind": step.kind },
          h(
            "button",
            { type: "button", id: `step-${i}`, class: "step", onclick: () => ctx.seekTo(step.tick, step) },
            h("span", { class: "when" }, formatTickFine(step.tick, index.tickMs)),
            h("span", { class: "mark", "aria-hidden": "true" }, step.harmful ? "✖" : "•"),
            stepText(step, index.tickMs),
          ),
        );
        items.push({ li, tick: step.tick });
        return li;
      }),
    );
    body = h(
      "div",
      {},
      h(
        "p",
        { class: "follow-summary", testid: "follow-summary" },
        t("replayFollowSummary", {
          msgId: followed.msgId,
          team: followed.team + 1,
          hops: followed.hops,
          drops: followed.drops,
          retries: followed.retries,
          redeliveries: followed.redeliveries,
          applications: followed.applications,
        }),
        " ",
        h("button", { type: "button", class: "link", onclick: () => ctx.stopFollowing() }, t("replayStop")),
      ),
      list,
    );
  } else body = h("p", { class: "muted" }, t("replayFollowHelp", { team: ctx.team + 1 }));
  return {
    element: h(
      "section",
      { class: "card follow", "aria-labelledby": "follow-title" },
      h("h2", { id: "follow-title" }, t("replayFollow")),
      form,
      ctx.followError ? h("p", { class: "error", role: "alert" }, ctx.followError) : null,
      body,
    ),
    update(c) {
      let current: HTMLElement | null = null;
      for (const item of items) {
        const past = item.tick <= c.state.tick;
        item.li.classList.toggle("past", past);
        item.li.classList.remove("current");
        if (past) current = item.li;
      }
      current?.classList.add("current");
      if (list && current && current !== shown) reveal(list, current);
      shown = current;
    },
  };
}

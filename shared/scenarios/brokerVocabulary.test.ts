import { describe, expect, it } from "vitest";
import { PROFILE_IDS } from "../engine/profiles.js";
import { BROKER_VOCABULARY, BUTTON_HELP_IN_TERMS, fillTerms, ROLE_HELP_IN_TERMS, termText, termValues, VOCABULARY_TERMS } from "./brokerVocabulary.js";
import { PROFILE_TEXTS } from "./texts.js";

const LOCALES = ["en", "pt-BR"] as const;

/** The words each broker's screens must use (docs/brokers.md#vocabulary). */
const MUST_SAY: Record<string, string[]> = {
  rabbitmq: ["exchange", "binding", "queue", "basic.ack", "basic.nack", "requeue", "publisher confirm", "prefetch"],
  kafka: ["topic", "partition", "offset commit", "consumer group"],
  sqs: ["visibility timeout", "message group", "deduplication id", "redrive to DLQ"],
  nats: ["stream", "consumer", "AckWait", "MaxDeliver", "Nats-Msg-Id"],
  activemq: ["queue", "topic", "redelivery policy", "DLQ"],
};

describe("the brokers' vocabulary", () => {
  it("gives every profile every term, in both languages", () => {
    for (const profile of PROFILE_IDS)
      for (const term of VOCABULARY_TERMS)
        for (const locale of LOCALES) expect(termText(BROKER_VOCABULARY[profile].terms[term], locale).trim(), `${profile} ${term} ${locale}`).not.toBe("");
  });

  it("names each broker's own concepts", () => {
    for (const profile of PROFILE_IDS) {
      const words = LOCALES.map((l) => Object.values(termValues(profile, l)).join(" | ")).join(" | ");
      for (const word of MUST_SAY[profile]) expect(words, `${profile}: ${word}`).toContain(word);
    }
  });

  it("leaves no placeholder unfilled in any template, for any profile and language", () => {
    const templates = [...Object.values(ROLE_HELP_IN_TERMS), ...Object.values(BUTTON_HELP_IN_TERMS)];
    for (const profile of PROFILE_IDS)
      for (const locale of LOCALES)
        for (const template of templates) expect(fillTerms(template[locale], profile, locale), `${profile} ${locale}`).not.toMatch(/\{\w+\}|undefined/);
  });

  it('names the reply to the producer that the projector\'s "drop the next ACK" fault loses', () => {
    const reply: Record<string, string> = { rabbitmq: "basic.ack", kafka: "produce response", sqs: "SendMessage", activemq: "send receipt", nats: "PubAck" };
    for (const profile of PROFILE_IDS) expect(termText(BROKER_VOCABULARY[profile].terms.publishAck, "en"), profile).toContain(reply[profile]);
    // Short enough to sit inside a fault button's label on the projector.
    for (const profile of PROFILE_IDS)
      for (const locale of LOCALES) expect(termText(BROKER_VOCABULARY[profile].terms.publishAck, locale).length).toBeLessThanOrEqual(24);
  });

  it("labels the broker's route button truly for a queue and for a topic alike (Topic 2 runs both on every broker)", () => {
    // The phone does not know the channel, so a label may not name one: SNS's fan-out is wrong for a plain SQS queue.
    for (const profile of PROFILE_IDS)
      for (const locale of LOCALES) expect(termText(BROKER_VOCABULARY[profile].buttons.route ?? "", locale), profile).not.toMatch(/fan.?out|distribu|SNS/i);
  });

  it("keeps the game's own placeholders for their values", () => {
    expect(fillTerms("{msgId}: tap {ack}", "rabbitmq", "en")).toBe("{msgId}: tap basic.ack");
  });

  it("keeps button labels short enough for a phone", () => {
    for (const profile of PROFILE_IDS)
      for (const label of Object.values(BROKER_VOCABULARY[profile].buttons))
        for (const locale of LOCALES) expect(termText(label, locale).length, `${profile} ${termText(label, locale)}`).toBeLessThanOrEqual(22);
  });

  it("has a one-line behaviour for every profile", () => {
    for (const profile of PROFILE_IDS) for (const locale of LOCALES) expect(PROFILE_TEXTS[profile].summary[locale].length).toBeGreaterThan(40);
  });
});

// The design round (docs/design-round.md).
export * from "./settings.js";
export * from "./texts.js";
export * from "./apply.js";
export * from "./score.js";
export * from "./namedFix.js";
export * from "./blame.js";
export * from "./teamConfig.js";

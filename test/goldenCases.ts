export const GOLDEN = [
  { scenario: "t3-lost-messages", variant: "naive", seed: 1, teams: 1, file: "t3-lost-messages-naive-1.ndjson" },
  { scenario: "t4-duplicates", variant: "naive", seed: 2, teams: 1, file: "t4-duplicates-naive-2.ndjson" },
  { scenario: "t5-dual-writes", variant: "naive", seed: 3, teams: 1, file: "t5-dual-writes-naive-3.ndjson" },
];

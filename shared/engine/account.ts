// The business effect: each key is a customer's account. A positive amount is a deposit; a
// negative one is a withdrawal, declined when it would overdraw the account (the balance
// stays as it was). Deposits and withdrawals do not commute, so the order in which a
// consumer applies a key's events changes what the customer sees (docs/anomalies.md).
// The engine applies this rule and the checker re-applies it to know what the balance
// should have been; it lives here once.

export interface Posting {
  balance: number;
  declined: boolean;
}

/** The balance after applying `amount` to `balance`: a withdrawal that would overdraw is declined. */
export function post(balance: number, amount: number): Posting {
  const after = balance + amount;
  return amount < 0 && after < 0 ? { balance, declined: true } : { balance: after, declined: false };
}

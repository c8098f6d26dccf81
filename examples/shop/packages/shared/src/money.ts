/** Amounts are integer cents so that sums never pick up floating-point error. */
export type Money = number;

export function lineTotal(line: { unitPrice: Money; quantity: number }): Money {
  return line.unitPrice * line.quantity;
}

export function sumMoney(amounts: Money[]): Money {
  return amounts.reduce((total, amount) => total + amount, 0);
}

export function formatMoney(amount: Money, currency = 'EUR', locale = 'en-IE'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
}

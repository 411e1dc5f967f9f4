/** "$30.00" from 3000 cents; the currency decides the symbol and the decimals. */
export function formatMoney(amountCents: number, currency: string): string {
  const formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountCents / 10 ** digits);
}

// What a reader is told about access a reversed payment took back. The stored reason is for staff:
// it names the admin who refunded, or Stripe's charge and dispute ids.
export function reversalKind(reason: string | null): 'refunded' | 'disputed' {
  return reason?.startsWith('dispute') ? 'disputed' : 'refunded';
}

export function reversalForReader(reason: string | null): string {
  return `Ended: the payment was ${reversalKind(reason)}`;
}

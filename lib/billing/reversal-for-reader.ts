// What a reader is told about access a reversed payment took back. The stored reason is for staff:
// it names the admin who refunded, or Stripe's charge and dispute ids.
export function reversalForReader(reason: string | null): string {
  return reason?.startsWith('dispute') ? 'Ended: the payment was disputed' : 'Ended: the payment was refunded';
}

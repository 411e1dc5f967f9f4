// Words for a subscription's stored values (Stripe's vocabulary and ours), for readers and admins alike.

export const SUBSCRIPTION_STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  trialing: 'Trial',
  past_due: 'Payment overdue',
  canceled: 'Cancelled',
  unpaid: 'Unpaid',
  incomplete: 'Awaiting first payment',
  incomplete_expired: 'Never paid',
  paused: 'Paused',
};

export const SUBSCRIPTION_SOURCE_LABELS: Record<string, string> = {
  payment: 'Paid',
  activation: 'Member activation',
  complimentary: 'Complimentary',
};

export function subscriptionStatusLabel(status: string): string {
  return SUBSCRIPTION_STATUS_LABELS[status] ?? status;
}

export function subscriptionSourceLabel(source: string): string {
  return SUBSCRIPTION_SOURCE_LABELS[source] ?? source;
}

import type { Entitlement } from '@/lib/access/list-entitlements';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "My access": each entitlement with its source and end. */
export function EntitlementsTable({ entitlements }: { entitlements: Entitlement[] }) {
  if (entitlements.length === 0) {
    return (
      <p>
        You have no subscriptions or purchases yet. Free articles and the abstracts of all articles are open to you.
      </p>
    );
  }
  return (
    <table className="table">
      <caption className="visually-hidden">Your subscriptions, purchases and institutional access</caption>
      <thead>
        <tr>
          <th scope="col">Access</th>
          <th scope="col">What</th>
          <th scope="col">Source</th>
          <th scope="col">Ends (UTC)</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {entitlements.map((e, i) => (
          <tr key={i}>
            <td>{e.kind}</td>
            <td>{e.description}</td>
            <td>{e.source}</td>
            <td>{e.endsAt ? dateTime.format(e.endsAt) : 'No end date'}</td>
            <td>
              {e.status}
              {e.note && <span className="table__note"> ({e.note})</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

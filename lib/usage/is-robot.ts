// COUNTER R5.1 §7.8: transactions whose user agent matches COUNTER's robots list are never
// counted. The list is COUNTER's own (atmire/COUNTER-Robots, kept in counter-robots.json,
// refreshed by `npm run counter:robots`), matched case-insensitively as its README advises.
import robots from './counter-robots.json';

type RobotPattern = { pattern: string };

/** One regular expression of every pattern (one pass per user agent, not 300). */
export function compileRobotMatcher(list: RobotPattern[]): RegExp {
  return new RegExp(list.map((r) => `(?:${r.pattern})`).join('|'), 'i');
}

const matcher = compileRobotMatcher(robots);
// User agents repeat (a few browsers make most of the traffic): remember recent answers.
const remembered = new Map<string, boolean>();
const REMEMBER_AT_MOST = 2000;

/** True when COUNTER counts this user agent as a robot (a missing or one-character one included). */
export function isRobot(userAgent: string | null | undefined): boolean {
  const ua = userAgent ?? '';
  const known = remembered.get(ua);
  if (known !== undefined) return known;
  const answer = matcher.test(ua);
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  remembered.set(ua, answer);
  return answer;
}

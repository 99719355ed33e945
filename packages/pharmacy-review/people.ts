/**
 * People on the pharmacist's card by name, not username: the prescriber who signed in this system (requester
 * `Practitioner/user-<user id>`, written by care's signing) and the reviewer (the review records the username)
 * are shown with the user's display name (else the username) and role. The users are listed once per request.
 */
import type { Identity } from '@qihuang/identity';
import type { Person } from './api-types/index.ts';

export interface People {
  byUsername(username: string | undefined): Promise<Person | undefined>;
  byPractitioner(reference: string | undefined): Promise<Person | undefined>;
}

/** The Practitioner id care's signing gives a user (packages/care practitionerFor). */
export const practitionerIdOf = (userId: string) =>
  `user-${userId}`.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 64);

export function peopleLookup(identity: Pick<Identity, 'listUsers'> | undefined): People {
  let users: Promise<{ byName: Map<string, Person>; byPractitioner: Map<string, Person> }> | undefined;
  const load = () =>
    (users ??= (identity?.listUsers() ?? Promise.resolve([]))
      .catch(() => [])
      .then((list) => {
        const byName = new Map<string, Person>();
        const byPractitioner = new Map<string, Person>();
        for (const u of list) {
          const person = { name: u.displayName || u.username, role: u.role };
          byName.set(u.username, person);
          byPractitioner.set(`Practitioner/${practitionerIdOf(u.id)}`, person);
        }
        return { byName, byPractitioner };
      }));
  return {
    async byUsername(username) {
      if (!username) return undefined;
      return (await load()).byName.get(username) ?? { name: username };
    },
    async byPractitioner(reference) {
      if (!reference?.startsWith('Practitioner/user-') || !identity) return undefined;
      return (await load()).byPractitioner.get(reference);
    },
  };
}

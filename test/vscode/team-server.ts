// A team database for the VS Code suites (suite/team-review.test.ts): a real CouchDB-protocol
// server started on the vitest side, set up by `closer team setup`, with cases pushed by two
// salespeople and replicated into the team database by the server. The extension host reaches it
// over 127.0.0.1; the suite is told where through the environment, with the exported cases it
// must show the same figures for.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userDatabaseName, writeCases, type Case } from '@closer/shared';
import { startCouchServer } from '../helpers/couch-server.ts';
import { at, inserted, makeCase, message, step } from '../unit/cases-fixtures.ts';
import { basic, PASSWORDS, push, setUp, tempDir, untilReplicated } from '../unit/couch-fixtures.ts';

export async function startTeamForHost(): Promise<{ env: Record<string, string>; stop(): Promise<void> }> {
  const couch = await startCouchServer();
  try {
    const dir = tempDir();
    const setup = await setUp(couch, dir);
    if (setup.code !== 0) throw new Error(`closer team setup failed: ${setup.stderr}`);
    const alices: Case[] = [
      makeCase({ salesperson: 'alice', outcome: 'won', amount: 680, product: 'tea', closedAt: at(90), updatedAt: at(90), timeline: [message(1, 'price'), step(2, 'consider'), inserted(3, 'tea-value')] }),
      makeCase({ salesperson: 'alice', outcome: 'lost', lossReason: 'rival', product: 'tea', closedAt: at(40), updatedAt: at(40), timeline: [message(1, 'comparison')] }),
    ];
    const bos: Case[] = [
      makeCase({ salesperson: 'bo', outcome: 'won', amount: 120, product: 'cups', closedAt: at(30), updatedAt: at(30), timeline: [message(1, 'doubt'), inserted(2, 'tea-proof')] }),
      makeCase({ salesperson: 'bo' }),
    ];
    await push(couch, userDatabaseName('alice'), 'alice', alices);
    await push(couch, userDatabaseName('bo'), 'bo', bos);
    await untilReplicated(couch, [...alices, ...bos].map((record) => record.id));
    // One document that is not a case, which the review must name by its id.
    await fetch(`${couch.url}/closer-team/not-a-case`, { method: 'PUT', headers: basic(couch.admin.user, couch.admin.password), body: '{"hello": "world"}' });
    const casesFile = join(dir, 'exported.jsonl');
    writeFileSync(casesFile, writeCases([...alices, ...bos]));
    return {
      env: { CLOSER_TEST_TEAM_URL: `${couch.url}/closer-team`, CLOSER_TEST_TEAM_USER: 'lin', CLOSER_TEST_TEAM_PASSWORD: PASSWORDS.lin, CLOSER_TEST_TEAM_CASES: casesFile },
      stop: () => couch.stop(),
    };
  } catch (error) {
    await couch.stop();
    throw error;
  }
}

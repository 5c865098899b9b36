// Team sync benchmark: 10,000 cases pushed at once from the extension's worker in Debian's
// Chromium to a CouchDB-protocol server on 127.0.0.1 (pouchdb-server in memory), through the
// real one-shot replication of a first sync. Prints the time of the run as the worker measured
// it, the time from Save until the server held every case, and cases per second. Figures are
// printed, never asserted. pouchdb-server runs a validate_doc_update in JavaScript per document
// and slowly (about 50 cases/s here, against CouchDB's native query server), so by default the
// user database has none and the figure is the worker's and the protocol's;
// CLOSER_BENCH_VALIDATION=1 adds the validation `closer team setup` installs.
import { writeCases } from '@closer/shared';
import { startCouchServer } from '../helpers/couch-server.ts';
import { launch } from '../browser/harness.ts';
import { ask, extensionPage, prepareUser, serverGet, setUpTeam, waitForStatus } from '../browser/sync-helpers.ts';
import { generateCases } from './_cases-generate.ts';

const COUNT = 10_000;
const user = 'alice';
const password = 'alice-secret';

const couch = await startCouchServer();
const session = await launch({ chatPages: false });
try {
  const validation = process.env.CLOSER_BENCH_VALIDATION === '1';
  const db = await prepareUser(couch.adminUrl, user, password, { validation });
  const page = await extensionPage(session);
  const cases = generateCases(COUNT).map((record) => ({ ...record, salesperson: user }));
  const imported = await ask<{ added: number }>(page, { type: 'cases-import', text: writeCases(cases), source: 'bench.jsonl' });
  if (imported.added !== COUNT) throw new Error(`only ${imported.added} of ${COUNT} cases were imported`);
  const started = performance.now();
  await setUpTeam(page, couch.url, user, password);
  let firstRun: number | undefined;
  const status = await waitForStatus(page, (current) => {
    if (firstRun === undefined && current.lastRun?.pushed === COUNT) firstRun = Date.parse(current.lastSync!) - Date.parse(current.lastAttempt!);
    return !current.running && current.lastSync !== undefined && current.pending === 0;
  }, 'the first sync of 10,000 cases', 900_000);
  const wall = performance.now() - started;
  if (status.error) throw new Error(`the sync failed: ${status.error.message}`);
  // The design document with the validation is one of the documents when it is there.
  const onServer = ((await serverGet(couch.adminUrl, db)).json.doc_count as number) - (validation ? 1 : 0);
  // The run that pushed them (a second one may follow, pulling back what it sent and finding nothing new).
  const run = firstRun ?? Date.parse(status.lastSync!) - Date.parse(status.lastAttempt!);
  console.log(`sync push: ${onServer.toLocaleString('en')} of ${COUNT.toLocaleString('en')} cases on the server (pouchdb-server in memory, ${validation ? 'with' : 'without'} validate_doc_update)`);
  console.log(`  run in the worker  ${(run / 1000).toFixed(1)} s   ${Math.round(COUNT / (run / 1000)).toLocaleString('en')} cases/s`);
  console.log(`  Save to all there  ${(wall / 1000).toFixed(1)} s   ${Math.round(COUNT / (wall / 1000)).toLocaleString('en')} cases/s`);
} finally {
  await session.close();
  await couch.stop();
}

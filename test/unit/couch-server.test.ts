import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../helpers/couch-server.ts';

// The sync tests trust this harness to be a real CouchDB-protocol server with an admin; check that
// it is, so a broken harness fails here rather than as a confusing sync failure.
describe('the CouchDB-protocol test server', () => {
  let couch: CouchServer;
  beforeAll(async () => {
    couch = await startCouchServer();
  }, 60_000);
  afterAll(async () => couch?.stop());

  const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

  it('lets the admin create a database and refuses a wrong password', async () => {
    const created = await fetch(`${couch.url}/harness-check`, { method: 'PUT', headers: basic(couch.admin.user, couch.admin.password) });
    expect(created.status).toBe(201);
    const wrong = await fetch(`${couch.url}/_session`, { headers: basic(couch.admin.user, 'not-the-password') });
    expect(wrong.status).toBe(401);
  });

  it('runs a validate_doc_update function on writes', async () => {
    const admin = basic(couch.admin.user, couch.admin.password);
    await fetch(`${couch.url}/validated`, { method: 'PUT', headers: admin });
    const design = { validate_doc_update: 'function (doc) { if (!doc.owner) throw({ forbidden: "owner missing" }); }' };
    await fetch(`${couch.url}/validated/_design/check`, { method: 'PUT', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify(design) });
    const refused = await fetch(`${couch.url}/validated/a`, { method: 'PUT', headers: { ...admin, 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'forbidden', reason: 'owner missing' });
  });
});

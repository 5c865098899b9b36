// How a case and its CouchDB document correspond (shared/src/cases/couch-documents.ts), the one
// contract the browser's worker, the server and the readers share.
import { describe, expect, it } from 'vitest';
import { caseDocument, caseLineOfDocument, userDatabaseName, visitCaseDocuments, type Case } from '@closer/shared';
import { makeCase } from './cases-fixtures.ts';

describe('case documents', () => {
  it("names a user's database as couch_peruser does: userdb- and the hex of the name's UTF-8 bytes", () => {
    expect(userDatabaseName('alice')).toBe('userdb-616c696365');
    expect(userDatabaseName('王姐')).toBe('userdb-e78e8be5a790');
    expect(userDatabaseName('a😀')).toBe('userdb-61f09f9880');
  });

  it('a case round-trips through its document: _id is the case id, CouchDB fields are dropped', () => {
    const record = makeCase({ salesperson: 'alice' });
    const stored = { ...caseDocument(record), _rev: '3-abc', _conflicts: ['2-def'] };
    expect(stored._id).toBe(record.id);
    expect(JSON.parse(caseLineOfDocument(stored) as string)).toEqual(record);
  });

  it('a document without "id" takes it from _id; one whose id differs is refused', () => {
    const { id, ...rest } = makeCase();
    expect(JSON.parse(caseLineOfDocument({ _id: id, ...rest }) as string).id).toBe(id);
    expect(caseLineOfDocument({ _id: 'x', ...rest, id })).toEqual({ error: expect.stringContaining('is not its document id') });
    expect(caseLineOfDocument([1])).toEqual({ error: expect.stringContaining('expected a JSON object') });
  });

  it('reads documents as the JSON Lines reader reads lines, naming each bad one by its id', () => {
    const good = makeCase();
    const seen: Case[] = [];
    const read = visitCaseDocuments([caseDocument(good), { _id: 'bad', ...makeCase(), id: undefined, outcome: 'maybe' }, null], 'closer-team', {}, (record) => seen.push(record));
    expect(seen).toEqual([good]);
    expect(read.problems).toEqual([
      { database: 'closer-team', document: 'bad', severity: 'error', message: expect.stringMatching(/^not a valid case \(case bad\): at id: a case id is a UUID.*the document is skipped$/) },
      { database: 'closer-team', document: '(no _id)', severity: 'error', message: expect.stringContaining('expected a JSON object') },
    ]);
  });
});

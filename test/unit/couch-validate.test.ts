// The team server's validation functions, compiled from the very source text the server is given,
// in an empty JavaScript context as CouchDB's sandbox is, and called as functions.
// (couch-setup.test.ts checks the same text on the real server.)
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { IS_CASE_DOCUMENT, VALIDATE_CASE_OWNER, VALIDATE_TEAM_WRITE } from '../../shared/node/couch/validate.ts';

interface UserContext {
  name: string | null;
  roles: string[];
}
interface Doc {
  _id: string;
  _deleted?: boolean;
  salesperson?: unknown;
}
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: UserContext) => void;

const alice: UserContext = { name: 'alice', roles: [] };
const lead: UserContext = { name: 'lin', roles: ['lead'] };
const admin: UserContext = { name: 'admin', roles: ['_admin'] };

/** The function as the server compiles it: from its text alone, with nothing of this module around it. */
function compile<T>(source: string): T {
  return runInNewContext(`(${source})`) as T;
}
const owner = compile<Validate>(VALIDATE_CASE_OWNER);
const team = compile<Validate>(VALIDATE_TEAM_WRITE);
const filter = compile<(doc: Doc) => boolean>(IS_CASE_DOCUMENT);

/** What the function threw, as CouchDB reads it ({forbidden: reason}), or undefined if it let the write through. */
function refusal(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('the validation of a user database', () => {
  it('lets a salesperson write and update a case that names them', () => {
    expect(refusal(() => owner({ _id: 'c1', salesperson: 'alice' }, null, alice))).toBeUndefined();
    expect(refusal(() => owner({ _id: 'c1', salesperson: 'alice' }, { _id: 'c1', salesperson: 'alice' }, alice))).toBeUndefined();
  });

  it("refuses a case that names another salesperson, saying whose it is and who tried", () => {
    expect(refusal(() => owner({ _id: 'c2', salesperson: 'bo' }, null, alice))).toEqual({ forbidden: 'closer: case c2 is "bo"\'s; "alice" may write only their own cases' });
  });

  it('refuses taking over or deleting a stored case of another', () => {
    expect(refusal(() => owner({ _id: 'c3', salesperson: 'alice' }, { _id: 'c3', salesperson: 'bo' }, alice))).toMatchObject({ forbidden: expect.stringContaining('belongs to "bo"') });
    expect(refusal(() => owner({ _id: 'c3', _deleted: true }, { _id: 'c3', salesperson: 'bo' }, alice))).toMatchObject({ forbidden: expect.stringContaining('may not change or delete it') });
  });

  it('lets the owner delete their case, and a tombstone of nothing through', () => {
    expect(refusal(() => owner({ _id: 'c4', _deleted: true }, { _id: 'c4', salesperson: 'alice' }, alice))).toBeUndefined();
    expect(refusal(() => owner({ _id: 'c5', _deleted: true }, null, alice))).toBeUndefined();
  });

  it('refuses a document with no salesperson (a drill result, say), and lets a server admin write anything', () => {
    expect(refusal(() => owner({ _id: 'd1' }, null, alice))).toEqual({ forbidden: 'closer: document d1 is not a case: it names no salesperson' });
    expect(refusal(() => owner({ _id: 'c6', salesperson: 'bo' }, { _id: 'c6', salesperson: 'carla' }, admin))).toBeUndefined();
  });
});

describe('the validation of the team database', () => {
  it('refuses a lead or a salesperson and lets the replications (a server admin) write', () => {
    expect(refusal(() => team({ _id: 'c1', salesperson: 'lin' }, null, lead))).toMatchObject({ forbidden: expect.stringContaining('written only by the server') });
    expect(refusal(() => team({ _id: 'c1', salesperson: 'alice' }, null, alice))).toMatchObject({ forbidden: expect.any(String) });
    expect(refusal(() => team({ _id: 'c1', salesperson: 'alice' }, null, admin))).toBeUndefined();
  });
});

describe('the replication filter', () => {
  it('lets cases through and keeps design documents back', () => {
    expect(filter({ _id: '00000000-0000-4000-8000-000000000001' })).toBe(true);
    expect(filter({ _id: '_design/closer' })).toBe(false);
  });
});

it('the source text is ECMAScript 5 that an old SpiderMonkey compiles: no arrows, let, const, classes or template strings', () => {
  for (const source of [VALIDATE_CASE_OWNER, VALIDATE_TEAM_WRITE, IS_CASE_DOCUMENT]) {
    expect(source).toMatch(/^function \(/);
    expect(source).not.toMatch(/=>|\blet\b|\bconst\b|\bclass\b|`/);
  }
});

// The team sync's back-off and its plain-words failures (extension-browser/src/background/sync/),
// which decide how often a broken server or a wrong password is asked again and what the
// salesperson reads.
import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelay } from '../../extension-browser/src/background/sync/backoff.ts';
import { describeFailure, newTransport, PermissionMissing } from '../../extension-browser/src/background/sync/sync-errors.ts';
import { serverUrl, userDatabaseName } from '../../extension-browser/src/background/sync/team-settings.ts';

describe('team sync back-off', () => {
  it('waits nothing before a first failure, then doubles from 30 s up to 30 min and stays there', () => {
    expect(retryDelay(0)).toBe(0);
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([FIRST_RETRY_MS, 2 * FIRST_RETRY_MS, 4 * FIRST_RETRY_MS, 8 * FIRST_RETRY_MS]);
    expect(retryDelay(7)).toBe(MAX_RETRY_MS);
    expect(retryDelay(1000)).toBe(MAX_RETRY_MS);
    for (let failures = 1; failures < 30; failures++) expect(retryDelay(failures + 1)).toBeGreaterThanOrEqual(retryDelay(failures));
  });
});

describe('team sync failures in plain words', () => {
  const server = 'https://couch.example.com';
  const seen = (patch: Partial<ReturnType<typeof newTransport>>) => ({ ...newTransport(), requests: 1, ...patch });

  it('tells each kind of failure apart by what the requests met', () => {
    expect(describeFailure(new TypeError('Failed to fetch'), seen({ unreachable: true }), server, 'alice').code).toBe('unreachable');
    expect(describeFailure(Object.assign(new Error('Name or password is incorrect.'), { status: 401 }), seen({ failedStatus: 401 }), server, 'alice')).toMatchObject({ code: 'auth', message: expect.stringContaining('"alice"') });
    expect(describeFailure(new Error('x'), seen({ failedStatus: 404 }), server, 'alice').message).toContain('closer team setup');
    // A 500 with an HTML page is a server failure, though PouchDB only saw bad JSON.
    expect(describeFailure(new SyntaxError('Unexpected token <'), seen({ failedStatus: 500 }), server, 'alice')).toMatchObject({ code: 'server', message: expect.stringContaining('HTTP 500') });
    expect(describeFailure(new SyntaxError('Unexpected token <'), seen({}), server, 'alice').code).toBe('garbage');
    expect(describeFailure(new PermissionMissing(), newTransport(), server, 'alice').code).toBe('permission');
  });

  it('never puts the password in a message', () => {
    const error = Object.assign(new Error('bad'), { status: 401 });
    expect(JSON.stringify(describeFailure(error, seen({ failedStatus: 401 }), server, 'alice'))).not.toContain('secret');
  });
});

describe('team settings', () => {
  it('names the user database the couch_peruser way, UTF-8 hex', () => {
    expect(userDatabaseName('alice')).toBe('userdb-616c696365');
    expect(userDatabaseName('王芳')).toBe(`userdb-${Buffer.from('王芳', 'utf8').toString('hex')}`);
  });

  it('takes a server address and says what is wrong with a bad one', () => {
    expect(serverUrl(' https://couch.example.com/ ')).toEqual({ url: 'https://couch.example.com' });
    expect(serverUrl('couch.example.com')).toEqual({ error: expect.stringContaining('not a web address') });
    expect(serverUrl('ftp://couch.example.com')).toEqual({ error: expect.stringContaining('https://') });
    expect(serverUrl('https://alice:pw@couch.example.com')).toEqual({ error: expect.stringContaining('their own fields') });
  });
});

// Signed bundles (shared/src/playbook/signature.ts, signing-key.ts): a signature by the team's key
// passes; any change to anything the extension uses, another key, a broken signature or none at
// all is refused with its own reason code. The key text format is read back exactly and every
// broken key file gets a sentence.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildBundle,
  checkBundleSignature,
  generateKeyPair,
  keyFingerprint,
  keyText,
  loadBundle,
  parseKey,
  parsePlaybook,
  signBundle,
  signedDigest,
  type Bundle,
} from '@closer/shared';

const shop = parsePlaybook(readFileSync('test/fixtures/playbooks/valid/shop.playbook.yaml', 'utf8'), 'shop.playbook.yaml');
const team = generateKeyPair();
const other = generateKeyPair();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bundle = buildBundle([shop]);
const signed = signBundle(bundle, team.privateKey);
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('bundle signatures', () => {
  it('a bundle signed with the team key verifies under the team key, names the signer and still loads', () => {
    const check = checkBundleSignature(JSON.stringify(signed), team.publicKey);
    expect(check).toEqual({ ok: true, key: hex(team.publicKey), fingerprint: keyFingerprint(team.publicKey) });
    expect(check.ok && check.fingerprint).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    expect(signed.signature.key).toBe(hex(team.publicKey));
    expect(loadBundle(JSON.stringify(signed)).signature).toEqual(signed.signature);
  });

  it('without a trusted key, a valid signature reports the key it names (what the extension offers to trust)', () => {
    expect(checkBundleSignature(signed)).toMatchObject({ ok: true, key: hex(team.publicKey) });
  });

  it('a changed reply text is tampered content, even when the content hash is recomputed to match', () => {
    const tampered = copy(signed);
    tampered.playbooks[0]!.playbook.objections![0]!.replies[0]!.text = 'Pay me first, then we talk.';
    expect(checkBundleSignature(tampered, team.publicKey)).toMatchObject({ ok: false, reason: 'tampered', signer: { key: hex(team.publicKey) } });
    // An attacker who fixes the content hash gets past loadBundle, but not past the signature.
    const rehashed = { ...buildBundle([parsePlaybook(readFileSync('test/fixtures/playbooks/valid/shop.playbook.yaml', 'utf8').replace('shop-hello', 'shop-hallo'), 'shop.playbook.yaml')]), signature: signed.signature };
    expect(() => loadBundle(JSON.stringify(rehashed))).not.toThrow();
    expect(checkBundleSignature(rehashed, team.publicKey)).toMatchObject({ ok: false, reason: 'tampered' });
  });

  it('covers fields outside the content hash (a precompiled part, anything added later)', () => {
    const withExtra = signBundle({ ...bundle, precompiled: { search: 'AAEC' } }, team.privateKey);
    expect(checkBundleSignature(withExtra, team.publicKey).ok).toBe(true);
    expect(checkBundleSignature({ ...withExtra, precompiled: { search: 'AAED' } }, team.publicKey)).toMatchObject({ ok: false, reason: 'tampered' });
    const { precompiled: _dropped, ...without } = withExtra;
    expect(checkBundleSignature(without, team.publicKey)).toMatchObject({ ok: false, reason: 'tampered' });
  });

  it('a bundle signed by another key is the wrong key, named by its fingerprint', () => {
    const check = checkBundleSignature(signBundle(bundle, other.privateKey), team.publicKey);
    expect(check).toMatchObject({ ok: false, reason: 'wrong-key' });
    expect(!check.ok && check.message).toContain(keyFingerprint(other.publicKey));
    expect(!check.ok && check.message).toContain(keyFingerprint(team.publicKey));
  });

  it('claiming the team key over another key\'s signature is tampered', () => {
    const forged = { ...signBundle(bundle, other.privateKey), signature: { key: hex(team.publicKey), value: signBundle(bundle, other.privateKey).signature.value } };
    expect(checkBundleSignature(forged, team.publicKey)).toMatchObject({ ok: false, reason: 'tampered' });
  });

  it('an unsigned bundle is unsigned, with or without a trusted key', () => {
    expect(checkBundleSignature(bundle, team.publicKey)).toMatchObject({ ok: false, reason: 'unsigned', message: expect.stringMatching(/only bundles signed by the trusted key/) });
    expect(checkBundleSignature(bundle)).toMatchObject({ ok: false, reason: 'unsigned' });
  });

  const malformed: [string, unknown, RegExp][] = [
    ['a string', 'abc', /expected an object/],
    ['null', null, /expected an object/],
    ['a key too short', { key: 'ab', value: signed.signature.value }, /"key" should be 64/],
    ['a key in capitals', { key: signed.signature.key.toUpperCase(), value: signed.signature.value }, /"key" should be 64 lowercase/],
    ['a truncated value', { key: signed.signature.key, value: signed.signature.value.slice(0, 100) }, /"value" should be 128/],
    ['a value that is not hex', { key: signed.signature.key, value: 'z'.repeat(128) }, /"value" should be 128/],
    ['a key that is no curve point', { key: 'ff'.repeat(32), value: signed.signature.value }, /not an Ed25519 public key/],
  ];
  for (const [what, signature, message] of malformed) {
    it(`a signature with ${what} is malformed`, () => {
      expect(checkBundleSignature({ ...bundle, signature }, team.publicKey)).toMatchObject({ ok: false, reason: 'malformed-signature', message: expect.stringMatching(message) });
    });
  }

  it('text that is not a bundle says so and does not throw', () => {
    expect(checkBundleSignature('{"format": ', team.publicKey)).toMatchObject({ ok: false, reason: 'not-a-bundle', message: expect.stringMatching(/not valid JSON/) });
    expect(checkBundleSignature('[1,2]', team.publicKey)).toMatchObject({ ok: false, reason: 'not-a-bundle' });
  });

  it('signing again replaces the signature, and the digest does not depend on key order', () => {
    const twice = signBundle(signBundle(bundle, other.privateKey), team.privateKey);
    expect(checkBundleSignature(twice, team.publicKey).ok).toBe(true);
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect(signedDigest(reordered)).toBe(signedDigest(signed));
    expect(checkBundleSignature(reordered, team.publicKey).ok).toBe(true);
  });

  it('property: changing any one string anywhere in a signed bundle breaks its signature', () => {
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (typeof value === 'string' && path[0] !== 'signature') paths.push(path);
      else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    };
    walk(signed, []);
    expect(paths.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.string({ minLength: 1, maxLength: 8 }), (path, extra) => {
        const changed = copy(signed) as unknown as Record<string | number, unknown>;
        let holder = changed;
        for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
        holder[path.at(-1)!] = `${holder[path.at(-1)!] as string}${extra}`;
        const check = checkBundleSignature(changed, team.publicKey);
        return !check.ok && check.reason === 'tampered';
      }),
      { numRuns: 200 },
    );
  });
});

describe('key text', () => {
  it('a written key reads back as the same bytes, and names itself on its first line', () => {
    const privateText = keyText('private', team.privateKey);
    const publicText = keyText('public', team.publicKey);
    expect(privateText.split('\n')[0]).toBe('closer-ed25519-private-key');
    expect(publicText.split('\n')[0]).toBe('closer-ed25519-public-key');
    expect(publicText).toContain(keyFingerprint(team.publicKey));
    expect(parseKey(privateText, 'private')).toEqual({ ok: true, key: team.privateKey });
    expect(parseKey(publicText.replace(/\n/g, '\r\n'), 'public')).toEqual({ ok: true, key: team.publicKey });
    // Pasted into Settings: the hex line alone is enough for a public key.
    expect(parseKey(`  ${hex(team.publicKey).toUpperCase()}  `, 'public')).toEqual({ ok: true, key: team.publicKey });
  });

  const publicText = keyText('public', team.publicKey);
  const privateText = keyText('private', team.privateKey);
  const broken: [string, string, 'public' | 'private', RegExp][] = [
    ['an empty file', '\n\n', 'public', /the key is empty/],
    ['a private key where the public one belongs', privateText, 'public', /this is a private key \(\.key\).*public key \(\.pub\)/],
    ['a public key where the private one belongs', publicText, 'private', /this is a public key \(\.pub\); signing needs the private key \(\.key\)/],
    ['a truncated key', publicText.slice(0, 60), 'public', /truncated: 34 of its 64 hex digits/],
    ['a header with nothing after it', 'closer-ed25519-private-key\n', 'private', /truncated: nothing follows/],
    ['a key too long', publicText.replace(/\n([0-9a-f]+)\n/, '\n$1ab\n'), 'public', /too long: 66 hex digits/],
    ['a key that is not hex', 'closer-ed25519-public-key\n' + 'g'.repeat(64), 'public', /not hexadecimal/],
    ['some other file', 'ssh-ed25519 AAAAC3Nza me@host', 'public', /not a Closer public key: its first line should be "closer-ed25519-public-key"/],
    ['a hex line alone as a private key', hex(team.privateKey), 'private', /not a Closer private key/],
    ['32 bytes that are no curve point', 'ff'.repeat(32), 'public', /not an Ed25519 public key/],
  ];
  for (const [what, text, kind, message] of broken) {
    it(`${what} is refused with a sentence`, () => {
      expect(parseKey(text, kind)).toEqual({ ok: false, message: expect.stringMatching(message) });
    });
  }
});

// The type follows the schema: a signed bundle is still a Bundle.
const _typed: Bundle = signed;

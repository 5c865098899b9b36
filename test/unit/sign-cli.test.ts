// closer keygen, build --sign and verify, run in-process on real files in a temporary folder:
// the round trip ops uses, and one clear line with the right exit code for each wrong input.
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBundleSignature, keyFingerprint, parseKey } from '@closer/shared';
import { runCli } from '@closer/shared/node';

const dir = mkdtempSync(path.join(tmpdir(), 'closer-sign-'));

async function closer(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), lines: async function* () {}, cwd: dir });
  return { code, stdout, stderr };
}

// Playbook paths are resolved from the process's folder (files.ts), so the playbook is given whole.
const shop = () => path.join(dir, 'shop.playbook.yaml');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
const publicKey = (name: string) => {
  const parsed = parseKey(read(name), 'public');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.key;
};

beforeAll(async () => {
  copyFileSync('test/fixtures/playbooks/valid/shop.playbook.yaml', path.join(dir, 'shop.playbook.yaml'));
  expect((await closer('keygen', '-o', 'team')).code).toBe(0);
  expect((await closer('keygen', '-o', 'rival')).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('closer keygen', () => {
  it('writes NAME.key readable by its owner only and NAME.pub, each naming itself, and prints the fingerprint', async () => {
    const result = await closer('keygen', '-o', 'fresh');
    expect(result.code).toBe(0);
    expect(statSync(path.join(dir, 'fresh.key')).mode & 0o777).toBe(0o600);
    expect(read('fresh.key').split('\n')[0]).toBe('closer-ed25519-private-key');
    expect(read('fresh.pub').split('\n')[0]).toBe('closer-ed25519-public-key');
    expect(result.stdout).toContain(`key fingerprint ${keyFingerprint(publicKey('fresh.pub'))}`);
  });

  it('refuses to overwrite an existing pair without --force and leaves both files as they were', async () => {
    const before = [read('team.key'), read('team.pub')];
    const result = await closer('keygen', '-o', 'team');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('closer keygen: team.key already exists; nothing was written (choose another name, or --force to replace the pair)\n');
    expect([read('team.key'), read('team.pub')]).toEqual(before);
  });

  it('refuses when only the .pub is there, and does not leave a new .key behind', async () => {
    write('half.pub', 'something precious\n');
    const result = await closer('keygen', '-o', 'half');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^closer keygen: half\.pub already exists; nothing was written/);
    expect(() => statSync(path.join(dir, 'half.key'))).toThrow(/ENOENT/);
    expect(read('half.pub')).toBe('something precious\n');
  });

  it('--force replaces the pair and makes a readable old .key private again', async () => {
    await closer('keygen', '-o', 'spare');
    const old = read('spare.pub');
    chmodSync(path.join(dir, 'spare.key'), 0o644);
    expect((await closer('keygen', '-o', 'spare', '--force')).code).toBe(0);
    expect(read('spare.pub')).not.toBe(old);
    expect(statSync(path.join(dir, 'spare.key')).mode & 0o777).toBe(0o600);
  });

  it('a folder that does not exist is one line saying it cannot be written', async () => {
    const result = await closer('keygen', '-o', 'no-such-folder/team');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('closer keygen: cannot write no-such-folder/team.key: no such file or folder (ENOENT)\n');
  });

  it('"-o team2.key" names the pair team2, and -o is required', async () => {
    expect((await closer('keygen', '-o', 'team2.key')).code).toBe(0);
    expect(read('team2.pub')).toMatch(/^closer-ed25519-public-key\n/);
    const missing = await closer('keygen');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^closer keygen: missing -o NAME/);
  });
});

describe('closer build --sign and closer verify', () => {
  it('a signed build verifies under its public key: exit 0, "intact, signed by <fingerprint>"', async () => {
    const built = await closer('build', shop(), '--no-base', '--sign', 'team.key', '-o', 'signed.json');
    expect(built.code).toBe(0);
    expect(built.stdout).toContain(`signed by key ${keyFingerprint(publicKey('team.pub'))}`);
    expect(checkBundleSignature(read('signed.json'), publicKey('team.pub')).ok).toBe(true);
    const verified = await closer('verify', '--key', 'team.pub', 'signed.json');
    expect(verified).toEqual({ code: 0, stdout: `signed.json: intact, signed by ${keyFingerprint(publicKey('team.pub'))}\n`, stderr: '' });
  });

  it('a changed reply text: exit 1, changed after it was signed', async () => {
    write('tampered.json', read('signed.json').replace('less than a coffee a week', 'free for a year'));
    const result = await closer('verify', '--key', 'team.pub', 'tampered.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tampered\.json: the bundle was changed after key [0-9a-f-]{19} signed it/);
  });

  it('a changed precompiled index (outside the content hash): exit 1, changed after it was signed', async () => {
    const bundle = JSON.parse(read('signed.json')) as { precompiled?: Record<string, unknown> };
    expect(Object.keys(bundle.precompiled ?? {})).not.toEqual([]);
    const part = Object.keys(bundle.precompiled!).find((key) => key !== 'version')!;
    bundle.precompiled![part] = JSON.parse(JSON.stringify(bundle.precompiled![part]).replace(/[0-9]/, (digit) => String((Number(digit) + 1) % 10)));
    write('tampered-index.json', JSON.stringify(bundle));
    const result = await closer('verify', '--key', 'team.pub', 'tampered-index.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tampered-index\.json: the bundle was changed after key [0-9a-f-]{19} signed it/);
  });

  it('another team key: exit 1, signed by another key', async () => {
    const result = await closer('verify', '--key', 'rival.pub', 'signed.json');
    expect(result.stderr).toBe(`signed.json: the bundle is signed by key ${keyFingerprint(publicKey('team.pub'))}, not by the trusted key ${keyFingerprint(publicKey('rival.pub'))}\n`);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`signed.json: the bundle is signed by key ${keyFingerprint(publicKey('team.pub'))}, not by the trusted key ${keyFingerprint(publicKey('rival.pub'))}\n`);
  });

  it('an unsigned bundle: exit 1, not signed', async () => {
    expect((await closer('build', shop(), '--no-base', '-o', 'plain.json')).code).toBe(0);
    const result = await closer('verify', '--key', 'team.pub', 'plain.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^plain\.json: the bundle is not signed; only bundles signed by the trusted key/);
  });

  it('a bundle that is not JSON: exit 1, one line saying so', async () => {
    write('broken.json', '{"format": "closer-bundle", ');
    const result = await closer('verify', '--key', 'team.pub', 'broken.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^broken\.json: the bundle is not valid JSON \([^\n]+\)\n$/);
  });

  it('a signed document that is no loadable bundle: exit 1, says it is signed but not a bundle', async () => {
    const { signBundle } = await import('@closer/shared');
    const { parseKey: parse } = await import('@closer/shared');
    const secret = parse(read('team.key'), 'private');
    if (!secret.ok) throw new Error(secret.message);
    write('odd.json', JSON.stringify(signBundle({ format: 'closer-bundle', version: 1, hash: 'sha256:0', playbooks: [] }, secret.key)));
    const result = await closer('verify', '--key', 'team.pub', 'odd.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^odd\.json: signed by [0-9a-f-]{19}, but not a bundle this Closer loads: the bundle content does not match its hash/);
  });

  const wrongKeys: [string, string[], number, RegExp][] = [
    ['a missing key file for --sign', ['build', shop(), '--no-base', '--sign', 'nope.key', '-o', 'x.json'], 2, /^closer build: cannot read nope\.key: no such file or folder \(ENOENT\)\n$/],
    ['a .pub given to --sign', ['build', shop(), '--no-base', '--sign', 'team.pub', '-o', 'x.json'], 2, /^closer build: team\.pub: this is a public key \(\.pub\); signing needs the private key \(\.key\)\n$/],
    ['a .key given to --key', ['verify', '--key', 'team.key', 'signed.json'], 2, /^closer verify: team\.key: this is a private key \(\.key\), which must stay secret; give the public key \(\.pub\) instead\n$/],
    ['a truncated private key', ['build', shop(), '--no-base', '--sign', 'short.key', '-o', 'x.json'], 2, /^closer build: short\.key: the key is truncated: 20 of its 64 hex digits\n$/],
    ['a truncated public key', ['verify', '--key', 'short.pub', 'signed.json'], 2, /^closer verify: short\.pub: the key is truncated: 20 of its 64 hex digits\n$/],
    ['a missing public key file', ['verify', '--key', 'gone.pub', 'signed.json'], 2, /^closer verify: cannot read gone\.pub: no such file or folder \(ENOENT\)\n$/],
    ['a folder given as the key', ['verify', '--key', '.', 'signed.json'], 2, /^closer verify: cannot read \.: it is a folder, not a file \(EISDIR\)\n$/],
    ['a big file given as the key', ['verify', '--key', 'shop.playbook.yaml', 'signed.json'], 2, /^closer verify: shop\.playbook\.yaml: (not a key file|this is not a Closer public key)/],
    ['a missing bundle file', ['verify', '--key', 'team.pub', 'absent.json'], 2, /^closer verify: cannot read \S*absent\.json: no such file or folder \(ENOENT\)\n$/],
    ['no --key', ['verify', 'signed.json'], 2, /^closer verify: missing --key PUB/],
    ['no bundle', ['verify', '--key', 'team.pub'], 2, /^closer verify: missing BUNDLE/],
  ];
  for (const [what, args, code, message] of wrongKeys) {
    it(`${what}: exit ${code}, one located line, nothing written`, async () => {
      write('short.key', `closer-ed25519-private-key\n${'ab'.repeat(10)}\n`);
      write('short.pub', `closer-ed25519-public-key\n${'ab'.repeat(10)}\n`);
      const result = await closer(...args);
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(() => statSync(path.join(dir, 'x.json'))).toThrow(/ENOENT/);
    });
  }

  it('each command\'s --help names its options', async () => {
    expect((await closer('build', '--help')).stdout).toContain('--sign KEY');
    expect((await closer('keygen', '--help')).stdout).toContain('--force');
    expect((await closer('verify', '--help')).stdout).toContain('--key PUB');
    const help = await closer('--help');
    expect(help.stdout).toMatch(/keygen\s+write a new Ed25519 key pair/);
    expect(help.stdout).toMatch(/verify\s+check that a bundle is intact/);
  });
});

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BundleError, buildBundle, bundleReplies, canonicalJson, INTENTS, loadBundle, parsePlaybook, type Playbook } from '@closer/shared';

const shop = parsePlaybook(readFileSync('test/fixtures/playbooks/valid/shop.playbook.yaml', 'utf8'), 'shop.playbook.yaml');

describe('bundle', () => {
  it('carries a format version, a content hash and the line of each item', () => {
    const bundle = buildBundle([shop]);
    expect(bundle).toMatchObject({ format: 'closer-bundle', version: 1 });
    expect(bundle.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(bundle.playbooks[0]!.lines['shop-price-value']).toBe(28);
    expect(bundleReplies(bundle).map((r) => r.reply.id)).toEqual(['shop-price-value', 'shop-price-value-en', 'shop-hello']);
  });

  it('loads back equal from JSON', () => {
    const bundle = buildBundle([shop]);
    expect(loadBundle(JSON.stringify(bundle))).toEqual(bundle);
  });

  it('refuses to build playbooks with errors', () => {
    const broken = parsePlaybook('id: x\ntitle: y\nreplies:\n  - id: a\n    label: b\n    text: "{{nope}}"\n', 'x.playbook.yaml');
    expect(() => buildBundle([broken])).toThrow(/x.playbook.yaml:6:12 .*\{\{nope\}\}/);
  });

  it('rejects a wrong version, a bad hash or a malformed document with a clear error', () => {
    const bundle = buildBundle([shop]);
    const cases: [unknown, RegExp][] = [
      ['{not json', /not valid JSON/],
      ['[]', /not a Closer bundle/],
      [{ ...bundle, format: 'other' }, /not a Closer bundle/],
      [{ ...bundle, version: 2 }, /version 2 is not supported/],
      [{ ...bundle, hash: 'sha256:' + '0'.repeat(64) }, /does not match its hash/],
      [{ ...bundle, playbooks: [{ ...bundle.playbooks[0], playbook: { id: 'x' } }] }, /malformed at playbooks\.0\.playbook/],
      [JSON.parse(JSON.stringify(bundle).replace('先讲价值', '先讲价格')), /does not match its hash/],
    ];
    for (const [input, message] of cases) {
      expect(() => loadBundle(input)).toThrow(BundleError);
      expect(() => loadBundle(input)).toThrow(message);
    }
  });

  // Playbooks made of arbitrary text survive playbooks → YAML → parse → bundle → JSON → load.
  const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0 && !s.includes('{{') && !s.includes('}}'));
  const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
  const playbookArbitrary = fc
    .record({
      id,
      title: fc.oneof(text, fc.record({ 'zh-CN': text, en: text })),
      intent: fc.constantFrom(...INTENTS),
      keywords: fc.uniqueArray(text, { minLength: 1, maxLength: 5 }),
      replies: fc.uniqueArray(fc.record({ id, label: text, text }), { minLength: 1, maxLength: 5, selector: (r) => r.id }),
    })
    .filter((p) => !p.replies.some((r) => r.id === p.id || r.id === `${p.id}-objection`))
    .map(
      (p): Playbook => ({
        id: p.id,
        title: p.title,
        objections: [{ id: `${p.id}-objection`, intent: p.intent, title: p.title, principle: 'why', triggers: { keywords: p.keywords }, replies: p.replies }],
      }),
    );

  it('a round trip loses nothing', () => {
    fc.assert(
      fc.property(playbookArbitrary, (playbook) => {
        const parsed = parsePlaybook(stringify(playbook), `${playbook.id}.playbook.yaml`);
        expect(parsed.playbook).toEqual(playbook);
        const bundle = buildBundle([parsed]);
        const loaded = loadBundle(JSON.stringify(bundle));
        expect(loaded).toEqual(bundle);
        expect(loaded.playbooks[0]!.playbook).toEqual(playbook);
      }),
      { numRuns: 200 },
    );
  });
});

describe('bundle text from outside', () => {
  const shopText = readFileSync('test/fixtures/playbooks/valid/shop.playbook.yaml', 'utf8');
  const built = JSON.stringify(buildBundle([parsePlaybook(shopText, 'shop.playbook.yaml')]));

  it('a UTF-8 byte-order mark before the JSON is read as the extension reads it', () => {
    expect(loadBundle('\uFEFF' + built).hash).toBe(JSON.parse(built).hash);
  });

  it('a "__proto__" key added after the build changes the hash, so the bundle is refused', () => {
    const tampered = built.replace('"playbook":{', '"playbook":{"__proto__":{"polluted":true},');
    expect(tampered).not.toBe(built);
    expect(() => loadBundle(tampered)).toThrow(/"__proto__" key at playbooks\.0\.playbook/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('canonical JSON keeps a "__proto__" own key', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":2}}'))).toBe('{"__proto__":{"x":2},"b":1}');
  });
});

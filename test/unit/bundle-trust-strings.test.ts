// The panel's words for the team key card: every key the card asks for, and a reason line for every
// code the worker can record (the core's signature reasons and the refresh's own), exist in both
// locales, so a refusal is never shown as a bare code or only in English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const card = readFileSync('extension-browser/src/panel/bundle-trust-card.tsx', 'utf8');
const refresh = readFileSync('extension-browser/src/background/bundle-refresh.ts', 'utf8');
const signature = readFileSync('shared/src/playbook/signature.ts', 'utf8');
const locales = ['en', 'zh_CN'].map((folder) => [folder, JSON.parse(readFileSync(`extension-browser/public/_locales/${folder}/messages.json`, 'utf8')) as Record<string, { message: string }>] as const);

describe('the team key card speaks both languages', () => {
  it('has every string the card asks for', () => {
    const keys = [...card.matchAll(/\bt\('([A-Za-z_]+)'\)/g)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThan(20);
    for (const [folder, messages] of locales) expect(keys.filter((key) => !messages[key]), folder).toEqual([]);
  });

  it('has a reason line for every signature reason and every refresh problem', () => {
    const reasons = /type SignatureReason = ([^;]+);/.exec(signature)![1]!.match(/'([a-z-]+)'/g)!.map((quoted) => quoted.slice(1, -1));
    const refreshCodes = /'fetch' : error instanceof BundleError \? '([a-z]+)' : '([a-z]+)'/.exec(refresh)!.slice(1);
    const codes = [...reasons, 'fetch', ...refreshCodes];
    expect(codes).toEqual(expect.arrayContaining(['unsigned', 'malformed-signature', 'wrong-key', 'tampered', 'invalid']));
    for (const [folder, messages] of locales) expect(codes.filter((code) => !messages[`trustReason_${code.replace(/-/g, '_')}`]), folder).toEqual([]);
  });

  it('fills the fingerprint into the trust offer in both languages', () => {
    for (const [, messages] of locales) expect(messages.trustOffer!.message).toContain('{0}');
  });
});

// Customer names stay with the salesperson: an export replaces them with aliases unless the
// user opts in. The alias is derived from the name, so one customer keeps one alias across
// cases and files, and the same export twice gives the same file.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Case } from './case.ts';

const ALIAS = /^customer-[0-9a-f]{8}$/;

export function isAlias(customer: string): boolean {
  return ALIAS.test(customer);
}

export function customerAlias(name: string): string {
  return 'customer-' + bytesToHex(sha256(utf8ToBytes(name.trim()))).slice(0, 8);
}

/** The cases as they may leave the salesperson's browser: names replaced, also inside notes. */
export function aliasCases(cases: readonly Case[], options: { keepNames?: boolean } = {}): Case[] {
  if (options.keepNames) return [...cases];
  return cases.map(aliasCase);
}

export function aliasCase(record: Case): Case {
  const name = record.customer.trim();
  if (name === '' || isAlias(name)) return record;
  const alias = customerAlias(name);
  return { ...record, customer: alias, notes: record.notes.split(name).join(alias) };
}

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { buildBundle, precompileBundle } from '@closer/shared';
import { isPrecompiledParts } from '../../shared/src/playbook/precompiled.ts';
import { PrecompiledPartsSchema } from '../../shared/src/playbook/precompiled-schema.ts';
import { loadPlaybookFiles } from '../../shared/node/files.ts';

// A start checks a part's shape by hand (precompiled.ts) and the import runs the zod schema
// (precompiled-schema.ts): on the parts of the default playbooks and on each field broken, both
// must answer alike, apart from the intent model's tuples, which the decoder checks.
const parts = precompileBundle(buildBundle(await loadPlaybookFiles([new URL('../../playbooks', import.meta.url).pathname]))).precompiled as Record<string, unknown>;

function variants(): [string, unknown][] {
  const out: [string, unknown][] = [['as built', parts]];
  const broken: unknown[] = [null, 'x', -1, 1.5, [], {}, [1, 'a'], { keys: 1 }, Number.MAX_SAFE_INTEGER + 2];
  const walk = (value: Record<string, unknown>, path: string[]): void => {
    for (const key of Object.keys(value)) {
      if (key === 'examples' || key === 'keywords') continue;
      for (const bad of broken) out.push([[...path, key].join('.') + ' = ' + JSON.stringify(bad), withAt(parts, [...path, key], bad)]);
      out.push([[...path, key].join('.') + ' left out', withAt(parts, [...path, key], undefined)]);
      const inner = value[key];
      if (inner && typeof inner === 'object' && !Array.isArray(inner)) walk(inner as Record<string, unknown>, [...path, key]);
    }
    out.push([[...path, 'extra'].join('.') + ' added', withAt(parts, [...path, 'extra'], 1)]);
  };
  walk(parts, []);
  return out;
}

function withAt(value: Record<string, unknown>, path: string[], replacement: unknown): Record<string, unknown> {
  const copy = structuredClone(value);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  if (replacement === undefined) delete at[path.at(-1)!];
  else at[path.at(-1)!] = replacement;
  return copy;
}

it('the hand check of a precompiled part agrees with its zod schema', () => {
  const cases = variants();
  expect(cases.length).toBeGreaterThan(100);
  const disagree = cases.filter(([, value]) => isPrecompiledParts(value) !== PrecompiledPartsSchema().safeParse(value).success).map(([name]) => name);
  expect(disagree).toEqual([]);
  expect(isPrecompiledParts(parts)).toBe(true);
  expect(cases.filter(([, value]) => !isPrecompiledParts(value)).length).toBeGreaterThan(100);
});

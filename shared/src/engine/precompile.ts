// What `closer build` adds to a bundle so that a start reads its indexes instead of rebuilding
// them (precompiled.ts gives the shape): the search index (search-index.ts) and the features of
// the intent triggers (trigger-features.ts). The base corpus's counts were already compiled into
// bundle.base.model (base-model.ts). The suggestion index is not stored: it is a walk over the
// replies with a few numbers each, which costs less to make than to read.
import { BundleError } from '../playbook/bundle-format.ts';
import { contentHashOf, withPrecompiled, type Bundle } from '../playbook/bundle.ts';
import { PRECOMPILED_VERSION, PrecompiledError, type PrecompiledParts } from '../playbook/precompiled.ts';
import { intentModelOf, readIntentModel } from './classify.ts';
import { AlignedRows, SortedRows } from './feature-rows.ts';
import { encodeSearchIndex } from './search-index.ts';
import { buildSearchIndex, readSearchIndex, searchEntries } from './search.ts';
import { encodeTriggerIndex } from './trigger-index.ts';

/** The bundle with its indexes precompiled and a hash that covers them (bundle.ts). */
export function precompileBundle(bundle: Bundle): Bundle {
  const precompiled: PrecompiledParts = {
    version: PRECOMPILED_VERSION,
    source: contentHashOf(bundle),
    search: encodeSearchIndex(buildSearchIndex(searchEntries(bundle))),
    intent: encodeTriggerIndex(intentModelOf(bundle).index),
  };
  return withPrecompiled(bundle, precompiled);
}

/**
 * Reads every precompiled part of a bundle completely, as an import does before it stores the
 * bundle: a part that is cut short or does not fit the playbooks is a BundleError saying which and
 * why. A bundle with no part this Closer reads passes (its indexes are rebuilt; precompiledNotice
 * says so).
 */
export function checkPrecompiled(bundle: Bundle): void {
  // The base model is not precompiled with the playbooks but read the same way (base-model.ts).
  const model = bundle.base?.model;
  const rows = model?.lines !== undefined ? new SortedRows(model.lines) : model?.features !== undefined && model.counts !== undefined ? new AlignedRows(model.features, model.counts, model.sorted === true) : undefined;
  const problem = rows?.problem();
  if (problem !== undefined) throw new BundleError(`the bundle's base model is damaged: ${problem}; rebuild it with "closer build"`);
  try {
    readSearchIndex(bundle, searchEntries(bundle), true);
    readIntentModel(bundle, true);
  } catch (error) {
    if (error instanceof PrecompiledError) throw new BundleError(`the bundle's precompiled indexes cannot be used: ${error.message}; rebuild it with "closer build"`);
    throw error;
  }
}

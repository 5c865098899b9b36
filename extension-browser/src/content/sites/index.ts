import { genericAdapter } from './generic.ts';
import type { SiteAdapter } from './site-adapter.ts';

/** Site adapters, one file each, in order; the generic adapter is last and matches every page. */
export const siteAdapters: readonly SiteAdapter[] = [genericAdapter];

export function adapterFor(location: Location): SiteAdapter {
  return siteAdapters.find((adapter) => adapter.matches(location)) ?? genericAdapter;
}

import type { Command } from '../io.ts';
import { adapt } from './adapt.ts';
import { build } from './build.ts';
import { drill } from './drill.ts';
import { lint } from './lint.ts';
import { report } from './report.ts';
import { search } from './search.ts';
import { suggest } from './suggest.ts';

/** Every `closer` command, one file each. */
export const COMMANDS: readonly Command[] = [lint, build, suggest, search, report, adapt, drill];

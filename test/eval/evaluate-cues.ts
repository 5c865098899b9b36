// How well the customer's profile picks up the two cues it turns into tag suggestions (issue 18):
// "will buy soon" (the hot lead) and "names a rival". Each is measured as a yes/no on its own,
// precision and recall, over sets of customer messages labelled buy_soon, rival or none, written
// by helpers from the cues' definitions alone, without the rules: test/fixtures/eval/cues.tsv
// (held out: only its figures are printed) and test/fixtures/dev/cues-dev.tsv (studied).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buySoonCue, rivalNamed } from '@closer/shared';
import { readTsv } from './evaluate.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
export const CUES_EVAL = path.join(FIXTURES, 'eval/cues.tsv');
export const CUES_DEV = path.join(FIXTURES, 'dev/cues-dev.tsv');

const LABELS = ['buy_soon', 'rival', 'none'] as const;
type CueLabel = (typeof LABELS)[number];

export interface LabelledCue {
  label: CueLabel;
  message: string;
  line: number;
}

/** The set's rows (`cue`, `message`, tab-separated, a header line); a bad row is an error naming its line. */
export function readCueSet(file: string): LabelledCue[] {
  return readTsv(file).map(({ cells: [cue, message], line }) => {
    const label = cue!.trim() as CueLabel;
    if (!LABELS.includes(label)) throw new Error(`${file}:${line}: the cue "${cue}" is none of ${LABELS.join(', ')}`);
    return { label, message: message!.trim(), line };
  });
}

export interface CueFigures {
  /** Of the messages the rule flagged, how many carry the cue. */
  precision: number;
  /** Of the messages that carry the cue, how many the rule flagged. */
  recall: number;
  flagged: number;
  labelled: number;
}

export interface CueReport {
  total: number;
  buySoon: CueFigures;
  rival: CueFigures;
  /** Messages the rules got wrong, with what each rule said. */
  misses: { line: number; label: CueLabel; buySoon: boolean; rival: boolean; message: string }[];
}

export function evaluateCues(set: LabelledCue[]): CueReport {
  const misses: CueReport['misses'] = [];
  const counts = { buy_soon: { hit: 0, flagged: 0, labelled: 0 }, rival: { hit: 0, flagged: 0, labelled: 0 } };
  for (const { label, message, line } of set) {
    const said = { buy_soon: buySoonCue(message), rival: rivalNamed(message) };
    let wrong = false;
    for (const cue of ['buy_soon', 'rival'] as const) {
      // A buy-soon message may also name a rival, and the reverse: the other cue's messages count for neither side of this one.
      if (said[cue] && (label === cue || label === 'none')) counts[cue].flagged++;
      if (label === cue) counts[cue].labelled++;
      if (said[cue] && label === cue) counts[cue].hit++;
      if ((label === cue && !said[cue]) || (label === 'none' && said[cue])) wrong = true;
    }
    if (wrong) misses.push({ line, label, buySoon: said.buy_soon, rival: said.rival, message });
  }
  const figures = ({ hit, flagged, labelled }: { hit: number; flagged: number; labelled: number }): CueFigures => ({
    precision: flagged === 0 ? 1 : hit / flagged,
    recall: labelled === 0 ? 1 : hit / labelled,
    flagged,
    labelled,
  });
  return { total: set.length, buySoon: figures(counts.buy_soon), rival: figures(counts.rival), misses };
}

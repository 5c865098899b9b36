// What the intent classifier sees of a message: its n-grams (clause-weighted, text.ts), its sounds
// (pinyin-features.ts) and its grammatical cues. The same function reads training examples and
// customer messages, so both meet in one feature space.
import { addPinyinFeatures } from './pinyin-features.ts';
import { languageCues, messageFeatures, normalizeText } from './text.ts';

const CUE_WEIGHT = 1.5;

/** A message's n-grams (clause-weighted), its sounds and its grammatical cues. */
export function featuresOfMessage(text: string, normalized = normalizeText(text)): Map<string, number> {
  const features = messageFeatures(normalized);
  addPinyinFeatures(normalized, (feature, value) => features.set(feature, (features.get(feature) ?? 0) + value));
  for (const cue of languageCues(text)) features.set(cue, CUE_WEIGHT);
  return features;
}

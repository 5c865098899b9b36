// How close a new hire's words are to an approved reply, by the engine's own text features
// (Chinese character n-grams, English stemmed words and pairs, typo trigrams): the cosine of
// the two feature vectors, so a reply said in other words still scores, a verbatim one scores 1.
import { featuresOf, normalizeText } from '../text.ts';

export interface TextVector {
  features: Map<string, number>;
  norm: number;
}

export function textVector(text: string): TextVector {
  const features = featuresOf(normalizeText(text));
  let squares = 0;
  for (const value of features.values()) squares += value * value;
  return { features, norm: Math.sqrt(squares) };
}

/** 0..1: the cosine of two texts' feature vectors; 0 when either has no features. */
export function closeness(a: TextVector, b: TextVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.features.size <= b.features.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [feature, value] of small.features) dot += value * (large.features.get(feature) ?? 0);
  return Math.min(1, dot / (a.norm * b.norm));
}

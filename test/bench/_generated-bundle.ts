// A generated bundle of many replies for the benchmarks, the same in every run.
import type { Bundle, Objection, Playbook, Reply } from '@closer/shared';

/** A deterministic pseudo-random generator, so every run benchmarks the same bundle. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/**
 * A bundle with `count` replies: the default playbooks' objections copied many times, each copy
 * with replies recombined from the sentences of the real ones, so texts are realistic and varied.
 */
export function generatedBundle(base: Bundle, count: number): Bundle {
  const next = random(42);
  const objections = base.playbooks.flatMap(({ playbook }) => playbook.objections ?? []);
  const sentences = base.playbooks
    .flatMap(({ playbook }) => [...(playbook.objections ?? []).flatMap((o) => o.replies), ...(playbook.sequences ?? []).flatMap((s) => s.steps.flatMap((step) => step.replies ?? []))])
    .flatMap((reply) => reply.text.split(/(?<=[。！？!?.])\s*/))
    .filter((sentence) => sentence.trim().length > 3);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const perObjection = 50;
  const playbooks: Playbook[] = [];
  let made = 0;
  for (let copy = 0; made < count; copy++) {
    const copies: Objection[] = objections.map((objection) => {
      const replies: Reply[] = [];
      for (let i = 0; i < perObjection && made < count; i++, made++) {
        const text = [pick(sentences), pick(sentences), next() < 0.5 ? pick(sentences) : ''].join('');
        replies.push({ id: `g${copy}-${objection.id}-${i}`, label: `${objection.id} #${copy}.${i}`, text });
      }
      return { ...objection, id: `g${copy}-${objection.id}`, replies };
    });
    playbooks.push({ id: `generated-${copy}`, title: `Generated ${copy}`, objections: copies.filter((o) => o.replies.length > 0) });
  }
  const lines = {};
  return { ...base, hash: `generated-${count}`, playbooks: [...base.playbooks, ...playbooks.map((playbook) => ({ file: `${playbook.id}.playbook.yaml`, playbook, lines }))] };
}

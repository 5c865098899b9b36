import type { DrillScoreView } from '../../requests.ts';
import { fill, type DrillWords } from './strings.ts';

type ScoredTurn = DrillScoreView['turns'][number];

/** One scored turn: the points of each check with its reason, the approved reply and the principle beside the new hire's words. */
export function TurnScore({ turn, w }: { turn: ScoredTurn; w: DrillWords }) {
  return (
    <article class="drill-turn-score" data-score={turn.score}>
      <p class="drill-line"><strong>{w.customer}:</strong> {turn.customer}</p>
      <p class="drill-line"><strong>{w.you}:</strong> {turn.reply}</p>
      <p class="drill-score">{fill(w.score, turn.score)}</p>
      <ul class="drill-checks">
        {turn.checks.map((check) => (
          <li key={check.check} data-check={check.check}>
            <span class="drill-points">{w.checks[check.check] ?? check.check} {format(check.points)}/{format(check.of)}</span> {check.why}
          </li>
        ))}
      </ul>
      {turn.best && (
        <p class="drill-best"><strong>{w.best}:</strong> {turn.best.text}</p>
      )}
      <p class="drill-principle"><strong>{w.principle}:</strong> {turn.principle}</p>
    </article>
  );
}

function format(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

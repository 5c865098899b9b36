import type { StoryView } from '../requests.ts';
import type { Strings } from './i18n.ts';

/** A snowball story in its four slots, to retell when the customer doubts. */
export function StoryCard({ t, story }: { t: Strings; story: StoryView }) {
  return (
    <details class="card story" data-story-id={story.id}>
      <summary>{story.title}</summary>
      <dl>
        <dt>{t('storyBackground')}</dt>
        <dd>{story.background}</dd>
        <dt>{t('storyProblem')}</dt>
        <dd>{story.problem}</dd>
        <dt>{t('storySolution')}</dt>
        <dd>{story.solution}</dd>
        <dt>{t('storyFeeling')}</dt>
        <dd>
          {story.before} → {story.after}
        </dd>
      </dl>
    </details>
  );
}

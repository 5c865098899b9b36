import { localText } from './local-text.ts';
import type { Language, Story } from './schema.ts';

/** A story in its four parts, as a salesperson would tell it. */
export function storyText(story: Story, language: Language): string {
  const text = (value: Story['title']): string => localText(value, language);
  return [text(story.background), text(story.problem), text(story.solution), `${text(story.feeling.before)} → ${text(story.feeling.after)}`].join('\n');
}

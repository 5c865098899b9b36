import { useEffect, useRef } from 'preact/hooks';
import type { ProfileView } from '../requests.ts';
import type { Strings } from './i18n.ts';

interface Props {
  t: Strings;
  tree: ProfileView['tree'];
  /** Tags already on the customer: shown pressed, not offered twice. */
  on: string[];
  onPick: (tag: string) => void;
  onClose: () => void;
}

/**
 * The team's tag tree in one compact list: each category with its groups, each group's tags as
 * buttons, so any tag is one click away once the picker is open (the tree is kept small by lint).
 */
export function TagPicker({ t, tree, on, onPick, onClose }: Props) {
  // Focus goes to the first tag that can be put on, so the keyboard reaches the list at once.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector<HTMLButtonElement>('button[data-tag]:not([disabled])')?.focus(), []);
  return (
    <div ref={box} class="tag-picker" role="group" aria-label={t('tagPickerTitle')} data-testid="tag-picker" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      {tree.map((category) => (
        <section key={category.id} class="tag-category" data-category={category.id}>
          <h3>{category.label}</h3>
          {category.groups.map((group) => (
            <div key={group.id} class="tag-group" data-group={group.id}>
              <span class="label">{group.label}</span>
              <div class="row">
                {group.tags.map((tag) => {
                  const taken = on.includes(tag.id);
                  return (
                    <button key={tag.id} type="button" class="secondary" data-tag={tag.id} aria-pressed={taken} disabled={taken} title={tag.hint} onClick={() => onPick(tag.id)}>
                      {tag.label}
                    </button>
                  );
                })}
              </div>
            </div>
          ))}
        </section>
      ))}
      <button type="button" class="secondary" onClick={onClose}>{t('tagPickerClose')}</button>
    </div>
  );
}

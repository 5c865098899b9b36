import { useEffect, useState } from 'preact/hooks';
import type { ProfileView } from '../requests.ts';
import { ask } from './api.ts';
import { fill } from './cases/strings.ts';
import type { Strings } from './i18n.ts';
import { TagPicker } from './profile-tag-picker.tsx';
import './profile.css';

interface Props {
  t: Strings;
  conversationKey: string;
  /** The customer message on screen: a new one may bring new suggestions (a price question, a rival). */
  message: string | undefined;
  generation: number;
}

/**
 * The customer of this chat: their name with the lifecycle stage beside it, the team's tags on them
 * (put on in two clicks: "+ Tag", then the tag), and tags suggested from what the chat showed, each
 * put on only when clicked.
 */
export function ProfileCard({ t, conversationKey, message, generation }: Props) {
  const [profile, setProfile] = useState<ProfileView>();
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    ask({ type: 'profile-get', conversationKey, ...(message ? { message } : {}) })
      .then((loaded) => {
        if (!cancelled) {
          setProfile(loaded);
          setError(undefined);
        }
      })
      .catch((reason: Error) => !cancelled && setError(reason.message));
    return () => {
      cancelled = true;
    };
  }, [conversationKey, message, generation]);

  const tag = async (id: string, on: boolean) => {
    try {
      setProfile(await ask({ type: 'profile-tag', conversationKey, tag: id, on }));
      setPicking(false);
      setError(undefined);
    } catch (reason) {
      setError((reason as Error).message);
    }
  };

  if (!profile) return error ? <p class="error" role="alert">{t('error')} {error}</p> : null;
  const { lifecycle } = profile;
  const onIds = profile.tags.map((entry) => entry.id);
  return (
    <section class="card profile" data-testid="profile" aria-label={t('profileTitle')}>
      <p class="profile-name">
        <strong data-testid="profile-customer">{profile.customer || t('profileNoName')}</strong>{' '}
        <span class={`stage stage-${lifecycle.stage}`} data-testid="lifecycle" data-stage={lifecycle.stage} title={t('stageLabel')}>
          {t(`stage_${lifecycle.stage}`)}
        </span>
        {lifecycle.purchases > 0 && <span class="label"> · {fill(t('profilePurchases'), lifecycle.purchases)}</span>}
        {lifecycle.daysSinceContact !== undefined && lifecycle.daysSinceContact > 0 && <span class="label"> · {fill(t('profileLastContact'), lifecycle.daysSinceContact)}</span>}
      </p>
      <ul class="tags" data-testid="profile-tags">
        {profile.tags.map((entry) => (
          <li key={entry.id} class={entry.path ? 'tag' : 'tag unknown'} data-tag={entry.id} title={entry.path || t('tagNotInTree')}>
            <span>{entry.label}</span>
            <button type="button" class="tag-remove" aria-label={`${t('tagRemove')} ${entry.label}`} onClick={() => void tag(entry.id, false)}>×</button>
          </li>
        ))}
        <li>
          <button type="button" class="secondary tag-add" aria-expanded={picking} onClick={() => setPicking(!picking)}>{t('tagAdd')}</button>
        </li>
      </ul>
      {picking && (profile.tree.length > 0
        ? <TagPicker t={t} tree={profile.tree} on={onIds} onPick={(id) => void tag(id, true)} onClose={() => setPicking(false)} />
        : <p class="muted">{t('tagTreeEmpty')}</p>)}
      {profile.suggestions.length > 0 && (
        <div class="tag-suggestions" data-testid="tag-suggestions">
          <p class="label">{t('tagSuggested')}</p>
          <ul>
            {profile.suggestions.map((suggestion) => (
              <li key={suggestion.tag}>
                <button type="button" class="secondary" data-tag={suggestion.tag} onClick={() => void tag(suggestion.tag, true)}>+ {suggestion.label}</button>{' '}
                <span class="why">{suggestion.why}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && <p class="error" role="alert">{t('error')} {error}</p>}
    </section>
  );
}

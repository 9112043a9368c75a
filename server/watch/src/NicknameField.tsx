import { useState } from 'react';
import { Nickname } from '../../../common/protocol/watch-api.js';
import { errorMessage } from './api-errors.js';
import type { ApiFailure } from './commerce-api.js';
import type { CommerceStore } from './commerce-store.js';
import { lang } from './i18n.js';
import { c } from './i18n-commerce.js';

/**
 * The optional nickname, offered once (the first claim, answer, vote or checkout): sent with
 * POST …/viewers. Skipping is one tap and is remembered.
 */
export function NicknameField({ commerce, compact = false }: { commerce: CommerceStore; compact?: boolean }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const parsed = Nickname.safeParse(text);
    if (!parsed.success) {
      setError(lang === 'ko' ? '닉네임은 1~20자로 입력해 주세요.' : 'A nickname has 1–20 characters.');
      return;
    }
    setBusy(true);
    const failure: ApiFailure | null = await commerce.setNickname(parsed.data);
    setBusy(false);
    setError(failure ? errorMessage(failure, lang) : null);
  };
  return (
    <div className={`nickname${compact ? ' compact' : ' panel'}`} data-testid="nickname">
      <label htmlFor="nickname-input" className="nickname-label">
        {c.nickname}
      </label>
      <div className="inline-input">
        <input
          id="nickname-input"
          value={text}
          maxLength={20}
          autoComplete="nickname"
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void save();
            }
          }}
          aria-describedby={error ? 'nickname-err' : 'nickname-help'}
          aria-invalid={error ? true : undefined}
          data-testid="nickname-input"
        />
        <button type="button" className="btn-secondary" disabled={busy || !text.trim()} onClick={() => void save()} data-testid="nickname-save">
          {c.save}
        </button>
        <button type="button" className="link-button" onClick={() => void commerce.setNickname(null)} data-testid="nickname-skip">
          {c.skip}
        </button>
      </div>
      {error ? (
        <p className="field-error" id="nickname-err" role="alert">
          {error}
        </p>
      ) : (
        <p className="field-help" id="nickname-help">
          {c.nicknameHint}
        </p>
      )}
    </div>
  );
}

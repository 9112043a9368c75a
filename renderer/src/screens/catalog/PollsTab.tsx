import { useState } from 'react';
import type { Poll } from '../../../../common/commerce/catalog.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import { useI18n } from '../../i18n/i18n.js';
import { FieldError, invalidProps } from '../../ui/FieldError.js';
import { ChoicesEditor } from './ChoicesEditor.js';
import { ListShell } from './ListShell.js';
import { checkPoll, emptyPoll, pollDraftOf } from './quiz-poll-draft.js';
import { FormFoot, useItemForm } from './useItemForm.js';

export function PollsTab() {
  const { t } = useI18n();
  const { items } = useCatalog();
  const [selected, setSelected] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  /** Another item (or a new one) gets a fresh form; saving keeps the form, so its "Saved" note stays. */
  const pick = (id: string | null) => (setSelected(id), setFormKey((k) => k + 1));
  const polls = items.polls;
  const current = polls?.find((p) => p.id === selected) ?? null;
  const fresh = () => pick(null);
  return (
    <div className="catalog-split">
      <ListShell kind="polls" count={polls?.length} onNew={fresh}>
        <ul className="item-list">
          {polls?.map((p) => (
            <li key={p.id} data-testid="poll-item" data-poll-id={p.id}>
              <button type="button" className={`item-row ${p.id === selected ? 'selected' : ''}`} aria-pressed={p.id === selected} onClick={() => pick(p.id)}>
                <span className="kind-badge poll" aria-hidden="true">
                  ▮▮
                </span>
                <span className="item-main">
                  <span className="item-title">{p.question}</span>
                  <span className="item-sub choices-inline">
                    {p.choices.map((c, i) => (
                      <span key={i}>{c}</span>
                    ))}
                  </span>
                </span>
                <span className="muted small">{p.durationSec === null ? t.catalog.poll.untilClosed : t.catalog.poll.closesAfter(p.durationSec)}</span>
              </button>
            </li>
          ))}
        </ul>
      </ListShell>
      <PollForm key={formKey} poll={current} onSaved={setSelected} onDeleted={fresh} />
    </div>
  );
}

function PollForm({ poll, onSaved, onDeleted }: { poll: Poll | null; onSaved: (id: string) => void; onDeleted: () => void }) {
  const { t } = useI18n();
  const p = t.catalog.poll;
  const form = useItemForm('polls', poll, () => (poll ? pollDraftOf(poll) : emptyPoll()), checkPoll, onSaved);
  const { draft, set, errors } = form;
  return (
    <form className="card item-form" onSubmit={(e) => void form.submit(e)} noValidate>
      <h2>{poll ? t.catalog.editItem.polls : t.catalog.newItem.polls}</h2>
      <label className="field">
        <span className="field-label">{p.question}</span>
        <input data-testid="poll-question-input" id="poll-question" {...invalidProps('poll-question', errors.question)} value={draft.question} maxLength={200} placeholder={p.questionPh} onChange={(e) => set({ question: e.target.value })} />
        <FieldError id="poll-question-err" messages={errors.question} />
      </label>
      <ChoicesEditor label={p.choices} choices={draft.choices} errors={errors} onChange={(choices) => set({ choices })} />
      <label className="field">
        <span className="field-label">
          {p.duration} <span className="muted">{t.catalog.optional}</span>
        </span>
        <input id="poll-duration" {...invalidProps('poll-duration', errors.durationSec)} inputMode="numeric" value={draft.durationSec} placeholder="60" onChange={(e) => set({ durationSec: e.target.value })} />
        <span className="field-hint">{p.durationHint}</span>
        <FieldError id="poll-duration-err" messages={errors.durationSec} />
      </label>
      <FormFoot state={form} itemName={poll?.question ?? ''} canDelete={!!poll} onDeleted={onDeleted} saveTestId="poll-save-button" />
    </form>
  );
}

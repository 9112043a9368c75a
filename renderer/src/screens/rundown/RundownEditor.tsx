import { useEffect, useMemo, useState } from 'react';
import { move, plannedTotalSec, type Rundown, type Segment } from '../../../../common/rundown.js';
import { MAX_TITLE_LENGTH } from '../../../../common/limits.js';
import { bridge } from '../../bridge.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import type { FieldErrors } from '../../catalog/validation.js';
import { formatClock } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';
import { Spinner } from '../../ui/Spinner.js';
import { checkRundown, danglingRefs, newSegment } from './rundown-draft.js';
import { RundownHeader } from './RundownHeader.js';
import { SegmentCard } from './SegmentCard.js';
import { useReorder } from './useReorder.js';
import { useErrorText } from '../../errors/error-text.js';

export interface RundownTarget {
  showId: string;
  showTitle: string;
}

/** The run-down of one show: segments with their cues, reordered by drag and drop or Alt+↑/↓. */
export function RundownEditor({ target, onBack, onSaved }: { target: RundownTarget; onBack: () => void; onSaved: (r: Rundown) => void }) {
  const { t } = useI18n();
  const say = useErrorText();
  const r = t.rundown;
  const { items, reload } = useCatalog();
  const [all, setAll] = useState<Rundown[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [id, setId] = useState<string | null>(null);
  const [name, setName] = useState(target.showTitle);
  const [segments, setSegments] = useState<Segment[]>([]);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [spoken, setSpoken] = useState('');

  const adopt = (rd: Rundown) => {
    setId(rd.id);
    setName(rd.name);
    setSegments(rd.segments);
    setDirty(false);
  };

  useEffect(() => {
    void reload();
    bridge
      .invoke('rundowns.list', {})
      .then((list) => {
        setAll(list);
        const mine = list.filter((x) => x.showId === target.showId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
        if (mine) adopt(mine);
        else setSegments([newSegment(1, t)]);
      })
      .catch((e: unknown) => setLoadError(say(e)));
    // Load once per show; `t` only names the first new segment.
  }, [target.showId, reload]);

  const request = { ...(id ? { id } : {}), name, showId: target.showId, segments };
  useEffect(() => {
    if (tried) setErrors(checkRundown({ name, showId: target.showId, segments }, t));
  }, [segments, name, tried, t, target.showId]);

  const change = (next: Segment[]) => {
    setSegments(next);
    setDirty(true);
    setNotice(null);
  };
  const segName = (i: number) => segments[i]?.title || r.untitled(i + 1);
  const reorder = useReorder({
    count: segments.length,
    onMove: (from, to) => change(move(segments, from, to)),
    announce: (from, to) => setSpoken(r.moved(segName(from), to + 1, segments.length)),
  });

  const save = async (): Promise<Rundown | null> => {
    setTried(true);
    setFailure(null);
    const found = checkRundown(request, t);
    setErrors(found);
    if (Object.keys(found).length) return null;
    setBusy(true);
    try {
      const saved = await bridge.invoke('rundowns.save', request);
      adopt(saved);
      setTried(false);
      setNotice(r.saved);
      onSaved(saved);
      return saved;
    } catch (e) {
      setFailure(say(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const duplicate = async () => {
    const base = dirty || !id ? await save() : { id, name };
    if (!base) return;
    setBusy(true);
    try {
      const copy = await bridge.invoke('rundowns.duplicate', { id: base.id, name: r.templateName(base.name).slice(0, MAX_TITLE_LENGTH), showId: null });
      setAll((list) => [...(list ?? []), copy]);
      setNotice(r.duplicated(copy.name));
    } catch (e) {
      setFailure(say(e));
    } finally {
      setBusy(false);
    }
  };

  const applyTemplate = async (templateId: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const copy = await bridge.invoke('rundowns.duplicate', { id: templateId, name: target.showTitle.slice(0, MAX_TITLE_LENGTH), showId: target.showId });
      adopt(copy);
      onSaved(copy);
    } catch (e) {
      setFailure(say(e));
    } finally {
      setBusy(false);
    }
  };

  const addSegment = () => {
    change([...segments, newSegment(segments.length + 1, t)]);
    requestAnimationFrame(() => {
      const inputs = document.querySelectorAll<HTMLInputElement>('[data-testid="segment-title-input"]');
      inputs[inputs.length - 1]?.select();
    });
  };

  const dangling = useMemo(() => danglingRefs(segments, items), [segments, items]);
  const templates = (all ?? []).filter((x) => x.showId === null);
  const problems = Object.keys(errors).length;
  let startsAt = 0;

  return (
    <div className="page rundown-page">
      <RundownHeader
        showTitle={target.showTitle}
        name={name}
        onName={(n) => (setName(n), setDirty(true))}
        nameErrors={errors.name}
        totalSec={plannedTotalSec({ segments: segments.filter((s) => Number.isFinite(s.plannedSec)) })}
        segmentCount={segments.length}
        dirty={dirty}
        busy={busy}
        canDuplicate={segments.length > 0}
        onSave={() => void save()}
        onDuplicate={() => void duplicate()}
        onBack={onBack}
        templates={!id && all ? templates : []}
        onUseTemplate={(tid) => void applyTemplate(tid)}
      />
      <p className="visually-hidden" aria-live="assertive" role="status">
        {spoken}
      </p>
      {loadError && (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      )}
      {!all && !loadError && <Spinner label={t.common.loading} />}
      {notice && (
        <p className="notice" role="status">
          ✓ {notice}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {tried && problems > 0 && (
        <p className="form-error" role="alert" data-testid="rundown-errors">
          {r.fix(problems)}
        </p>
      )}
      {all && (
        <>
          <p className="muted small reorder-hint">{r.reorderHint}</p>
          <ol className="segment-list">
            {segments.map((s, i) => {
              const at = startsAt;
              startsAt += Number.isFinite(s.plannedSec) ? s.plannedSec : 0;
              return (
                <SegmentCard
                  key={s.id}
                  segment={s}
                  index={i}
                  startsAtSec={at}
                  errors={errors}
                  dangling={dangling}
                  onChange={(next) => change(segments.map((x) => (x.id === next.id ? next : x)))}
                  onRemove={() => change(segments.filter((x) => x.id !== s.id))}
                  announce={setSpoken}
                  itemProps={reorder.itemProps(i)}
                  handleProps={reorder.handleProps(i)}
                />
              );
            })}
          </ol>
          <div className="rundown-foot">
            <button type="button" className="btn" data-testid="add-segment-button" onClick={addSegment}>
              + {r.addSegment}
            </button>
            <span className="muted">
              {r.total}: <strong>{formatClock(plannedTotalSec({ segments: segments.filter((s) => Number.isFinite(s.plannedSec)) }))}</strong>
            </span>
          </div>
        </>
      )}
    </div>
  );
}

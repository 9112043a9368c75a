import { useEffect, useId, useState } from 'react';
import type { ObsAction } from '../../../../common/obs.js';
import { bridge } from '../../bridge.js';
import { useI18n } from '../../i18n/i18n.js';

type Kind = 'switchScene' | 'show' | 'hide';
const kindOf = (a: ObsAction): Kind => (a.kind === 'switchScene' ? 'switchScene' : a.visible ? 'show' : 'hide');
const withKind = (a: ObsAction, k: Kind): ObsAction =>
  k === 'switchScene' ? { kind: 'switchScene', sceneName: a.sceneName } : { kind: 'setItemVisible', sceneName: a.sceneName, sourceName: a.kind === 'setItemVisible' ? a.sourceName : '', visible: k === 'show' };

/** OBS's scene names as suggestions while editing (none when OBS is not connected: names are typed). */
function useObsSceneNames(): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    bridge.invoke('obs.scenes', {}).then((s) => setNames(s.scenes), () => setNames([]));
  }, []);
  return names;
}

/** A cue's or segment's OBS actions: switch to a scene, show or hide a source in a scene. */
export function ObsActionsEditor({ actions, onChange }: { actions: ObsAction[]; onChange: (a: ObsAction[]) => void }) {
  const { t } = useI18n();
  const e = t.obs.editor;
  const listId = useId();
  const scenes = useObsSceneNames();
  const set = (i: number, a: ObsAction) => onChange(actions.map((x, j) => (j === i ? a : x)));
  return (
    <div className="obs-actions-editor" data-testid="obs-actions-editor">
      <datalist id={listId}>
        {scenes.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {actions.map((a, i) => (
        <div className="obs-action-row" key={i} data-testid="obs-action-row">
          <select aria-label={e.kind} value={kindOf(a)} onChange={(ev) => set(i, withKind(a, ev.target.value as Kind))}>
            <option value="switchScene">{e.switchScene}</option>
            <option value="show">{e.show}</option>
            <option value="hide">{e.hide}</option>
          </select>
          <input aria-label={e.scene} placeholder={e.scene} list={listId} value={a.sceneName} maxLength={256} onChange={(ev) => set(i, { ...a, sceneName: ev.target.value })} />
          {a.kind === 'setItemVisible' && <input aria-label={e.source} placeholder={e.source} value={a.sourceName} maxLength={256} onChange={(ev) => set(i, { ...a, sourceName: ev.target.value })} />}
          <button type="button" className="btn small ghost" aria-label={e.remove} title={e.remove} onClick={() => onChange(actions.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      {actions.length < 10 && (
        <button type="button" className="btn small" data-testid="obs-action-add" onClick={() => onChange([...actions, { kind: 'switchScene', sceneName: scenes[0] ?? '' }])}>
          + {e.add}
        </button>
      )}
    </div>
  );
}

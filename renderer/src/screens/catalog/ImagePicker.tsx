import { useState } from 'react';
import { MAX_IMAGE_BYTES } from '../../../../common/ipc-contract.js';
import { bridge } from '../../bridge.js';
import { imageTypeOf, rememberPreview, usePreview } from '../../catalog/image-cache.js';
import { errorText } from '../../errors/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import { FieldError } from '../../ui/FieldError.js';
import { Spinner } from '../../ui/Spinner.js';

const readDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(new Error(r.error?.message ?? 'read failed'));
    r.readAsDataURL(file);
  });

/**
 * Picks product images. Each file goes to the core as base64 (`images.add`), which checks its type
 * and size by the bytes and answers with a content ref; its refusal is said in the seller's language.
 */
export function ImagePicker({ images, error, onChange }: { images: string[]; error: string[] | undefined; onChange: (refs: string[]) => void }) {
  const { t, lang } = useI18n();
  const p = t.catalog.product;
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const pick = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setProblems([]);
    const added: string[] = [];
    const failed: string[] = [];
    for (const file of Array.from(files)) {
      // Checked here too, so a huge file is not read and sent only to be refused.
      if (file.size > MAX_IMAGE_BYTES) {
        failed.push(`${file.name}: ${t.catalog.image.tooLarge(MAX_IMAGE_BYTES / 1024 / 1024)}`);
        continue;
      }
      try {
        const dataUrl = await readDataUrl(file);
        const { ref } = await bridge.invoke('images.add', { dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) });
        rememberPreview(ref, dataUrl);
        if (!images.includes(ref) && !added.includes(ref)) added.push(ref);
      } catch (e) {
        failed.push(`${file.name}: ${errorText(e, t, lang)}`);
      }
    }
    if (added.length) onChange([...images, ...added]);
    setProblems(failed);
    setBusy(false);
  };

  return (
    <fieldset className="field image-picker">
      <legend className="field-label">{p.images}</legend>
      <span className="field-hint">{p.imagesHint}</span>
      <ul className="thumbs">
        {images.map((ref, i) => (
          <li key={ref} className="thumb">
            <Thumb imageRef={ref} />
            <button type="button" className="thumb-remove" aria-label={`${p.removeImage} ${i + 1}`} onClick={() => onChange(images.filter((r) => r !== ref))}>
              ✕
            </button>
          </li>
        ))}
        <li>
          <label className={`thumb thumb-add ${busy ? 'busy' : ''}`}>
            <input type="file" className="visually-hidden" accept="image/png,image/jpeg,image/webp" multiple disabled={busy} onChange={(e) => void pick(e.target.files).finally(() => (e.target.value = ''))} />
            {busy ? <Spinner label={p.uploading} /> : <span>+ {p.addImage}</span>}
          </label>
        </li>
      </ul>
      {problems.length > 0 && (
        <div className="form-error" role="alert">
          {t.catalog.image.failed}
          {problems.map((m) => (
            <span key={m} className="form-error-hint">
              {m}
            </span>
          ))}
        </div>
      )}
      <FieldError messages={error} />
    </fieldset>
  );
}

/** An image's preview, or a neutral tile naming its type while it loads (or when it cannot be read). */
export function Thumb({ imageRef, small }: { imageRef: string | undefined; small?: boolean }) {
  const { t } = useI18n();
  const src = usePreview(imageRef);
  if (src) return <img className={small ? 'thumb-img small' : 'thumb-img'} src={src} alt="" />;
  return (
    <span className={small ? 'thumb-ph small' : 'thumb-ph'} aria-label={imageRef ? t.catalog.product.imageSaved(imageTypeOf(imageRef)) : undefined}>
      {imageRef ? imageTypeOf(imageRef) : <PhotoIcon />}
    </span>
  );
}

function PhotoIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="9" cy="10" r="2" />
      <path d="M21 16l-5-5-8 8" />
    </svg>
  );
}

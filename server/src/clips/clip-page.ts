import type { ClipPageData } from './clip-service.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const CLIP_PAGE_TEXT = {
  ko: { wide: '가로 16:9', vertical: '세로 9:16', buy: '구매하기', notReady: '클립을 준비하고 있습니다. 잠시 후 다시 열어 주세요.', failed: '이 클립을 만들 수 없었습니다.', gone: '이 클립은 없거나 삭제되었습니다.', download: '다운로드', noBuy: '이 방송의 시청 링크가 없어 여기서 구매할 수 없습니다.' },
  en: { wide: 'Wide 16:9', vertical: 'Vertical 9:16', buy: 'Buy', notReady: 'This clip is being prepared. Open it again in a moment.', failed: 'This clip could not be made.', gone: 'This clip does not exist or was deleted.', download: 'Download', noBuy: 'This show has no watch link, so it cannot be bought here.' },
} as const;
export type ClipPageLang = keyof typeof CLIP_PAGE_TEXT;

/** Korean unless the browser prefers another language first (the page is for Korean buyers). */
export function clipPageLang(acceptLanguage: string | undefined): ClipPageLang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first === '' || first.startsWith('ko') ? 'ko' : 'en';
}

/** Own origin only, no script at all (the page needs none). */
export const CLIP_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; media-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

// The vertical clip leaves 240 px of the phone's smallest viewport (svh: with the browser's bars
// showing; vh where svh is unknown) for the toggle, a title of up to two lines and the product row,
// so Buy is on the first screen even of an iPhone SE (80vh pushed it 45 px below there).
const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,'Noto Sans CJK KR',sans-serif;background:#0d0d0f;color:#f2f2f2}
main{max-width:980px;margin:0 auto;padding:12px;display:grid;gap:12px}
h1{font-size:1.05rem;margin:4px 0;font-weight:600}
.shape{display:flex;gap:8px}input[name=shape]{position:absolute;opacity:0}.shape label{padding:8px 14px;border-radius:999px;background:#26262b;cursor:pointer}
#w:checked~.shape label[for=w],#v:checked~.shape label[for=v]{background:#f2f2f2;color:#111}
.stage video{display:none;width:100%;background:#000;border-radius:10px}
#w:checked~.stage .wide{display:block;aspect-ratio:16/9}
#v:checked~.stage .vertical{display:block;aspect-ratio:9/16;max-height:calc(100vh - 240px);max-height:calc(100svh - 240px);width:auto;margin:0 auto;max-width:100%}
.product{display:flex;gap:12px;align-items:center;background:#1b1b1f;border-radius:12px;padding:10px}
.product img{width:64px;height:64px;object-fit:cover;border-radius:8px}.product .name{flex:1;font-weight:600}
.buy{background:#ff3d57;color:#fff;text-decoration:none;font-weight:700;padding:12px 20px;border-radius:10px;white-space:nowrap}
.links{display:flex;gap:12px;font-size:.9rem}.links a{color:#9ecbff}
.note{color:#bbb;line-height:1.5}
`;

/**
 * The clip page. The shape toggle is two radio buttons and CSS (no script: the CSP allows none and
 * the page needs none). A phone opens on the vertical clip.
 */
export function clipPageHtml(d: ClipPageData, lang: ClipPageLang, portraitFirst: boolean): string {
  const t = CLIP_PAGE_TEXT[lang];
  const base = `/c/${d.clip.token}`;
  const title = escapeHtml(d.show.title);
  const head = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<meta property="og:title" content="${title}"><meta property="og:type" content="video.other"><meta property="og:image" content="${base}/thumb.jpg"><style>${STYLE}</style></head><body><main>`;
  if (d.clip.status !== 'ready') {
    return `${head}<h1>${title}</h1><p class="note" data-clip-status="${d.clip.status}">${escapeHtml(d.clip.status === 'failed' ? t.failed : t.notReady)}</p></main></body></html>`;
  }
  const video = (shape: 'wide' | 'vertical') => `<video class="${shape}" src="${base}/${shape}.mp4" poster="${base}/thumb.jpg" controls playsinline muted autoplay loop preload="metadata"></video>`;
  const product = d.product
    ? `<section class="product" data-product="${escapeHtml(d.product.id)}">${d.product.imageUrl ? `<img alt="" src="${escapeHtml(new URL(d.product.imageUrl, 'http://x').pathname)}">` : ''}<span class="name">${escapeHtml(d.product.name)}</span>${
        // Through the relay's /buy, which remembers the clip for the order (docs/clips.md, "Numbers").
        d.buy ? `<a class="buy" data-buy href="${base}/buy">${t.buy}</a>` : `<span class="note">${t.noBuy}</span>`
      }</section>`
    : '';
  return `${head}
<input type="radio" name="shape" id="w"${portraitFirst ? '' : ' checked'}><input type="radio" name="shape" id="v"${portraitFirst ? ' checked' : ''}>
<div class="shape"><label for="w">${t.wide}</label><label for="v">${t.vertical}</label></div>
<div class="stage">${video('wide')}${video('vertical')}</div>
<h1>${title}</h1>${product}
<div class="links"><a href="${base}/download/wide" download>${t.download} 16:9</a><a href="${base}/download/vertical" download>${t.download} 9:16</a></div>
</main></body></html>`;
}

export function clipGoneHtml(lang: ClipPageLang): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Clip</title><style>${STYLE}</style></head><body><main><p class="note" data-clip-gone>${CLIP_PAGE_TEXT[lang].gone}</p></main></body></html>`;
}

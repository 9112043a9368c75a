import type { Handlers } from '../handlers.js';
import type { RundownStore } from '../rundown/rundown-store.js';
import type { Catalog } from './catalog.js';

type CatalogChannel = Extract<keyof Handlers, `${'products' | 'images' | 'coupons' | 'quizzes' | 'polls' | 'rundowns'}.${string}`>;

/** The catalog and run-down channels: thin calls into the stores, which validate again and write in transactions. */
export function catalogHandlers(catalog: Catalog, rundowns: RundownStore): Pick<Handlers, CatalogChannel> {
  const done = {};
  return {
    'products.list': async () => catalog.products.list(),
    'products.save': async (req) => catalog.products.save(req.id, req.input),
    'products.delete': async (req) => (catalog.deleteProduct(req.id), done),
    'products.importCsv': async (req) => catalog.importCsvFile(Buffer.from(req.fileBase64, 'base64'), req.mode, req.lang),
    'images.add': async (req) => catalog.images.add(req.dataBase64),
    'images.get': async (req) => {
      const img = catalog.images.read(req.ref);
      return { dataUrl: `data:${img.mime};base64,${img.bytes.toString('base64')}` };
    },
    'coupons.list': async () => catalog.coupons.list(),
    'coupons.save': async (req) => catalog.coupons.save(req.id, req.input),
    'coupons.delete': async (req) => (catalog.coupons.delete(req.id), done),
    'quizzes.list': async () => catalog.quizzes.list(),
    'quizzes.save': async (req) => catalog.quizzes.save(req.id, req.input),
    'quizzes.delete': async (req) => (catalog.quizzes.delete(req.id), done),
    'polls.list': async () => catalog.polls.list(),
    'polls.save': async (req) => catalog.polls.save(req.id, req.input),
    'polls.delete': async (req) => (catalog.polls.delete(req.id), done),
    'rundowns.list': async () => rundowns.list(),
    'rundowns.save': async (req) => rundowns.save(req.id, { name: req.name, showId: req.showId, segments: req.segments }),
    'rundowns.duplicate': async (req) => rundowns.duplicate(req.id, req.name, req.showId),
    'rundowns.delete': async (req) => (rundowns.delete(req.id), done),
  };
}

import { pathParams, type RouteDecl } from './route.js';

/**
 * Finds the declared route a request names, for servers that dispatch by route name (the studio
 * tests' fake relay): method and path come from the declarations, parameters are decoded once.
 */
export type RouteMatch<N extends string> = { name: N; route: RouteDecl; params: Record<string, string> } | 'method' | 'malformed' | null;

const compiled = new WeakMap<RouteDecl, RegExp>();
const patternOf = (r: RouteDecl): RegExp => {
  let re = compiled.get(r);
  if (!re) {
    const escaped = r.path.replace(/[.+*?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, '([^/]+)');
    compiled.set(r, (re = new RegExp(`^${escaped}$`)));
  }
  return re;
};

/** decodeURIComponent without the URIError (`%E0%A4%A`, a lone `%`): null instead, for the sender's 400. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function matchRoute<N extends string>(routes: Record<N, RouteDecl>, method: string, pathname: string): RouteMatch<N> {
  let pathMatched = false;
  for (const name of Object.keys(routes) as N[]) {
    const r = routes[name];
    const m = patternOf(r).exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    const names = pathParams(r.path);
    for (let i = 0; i < names.length; i++) {
      const v = safeDecode(m[i + 1]!);
      if (v === null) return 'malformed';
      params[names[i]!] = v;
    }
    return { name, route: r, params };
  }
  return pathMatched ? 'method' : null;
}

/** The methods a path is declared with (the Allow header of a 405). */
export function allowedMethods(routes: Record<string, RouteDecl>, pathname: string): string[] {
  return Object.values(routes)
    .filter((r) => patternOf(r).test(pathname))
    .map((r) => r.method);
}

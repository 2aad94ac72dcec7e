/**
 * Every route of the app, read from the file tree Next routes by (app/**\/route.ts, app/**\/page.tsx),
 * so a route added later is covered without anyone remembering to list it here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One path segment of a route: a literal, a dynamic `[name]`, or a catch-all `[...name]`. */
export type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'catchAll'; name: string };

export interface AppRoute {
  /** `/api/v1/clusters/[cluster]/jobs`, as the folders spell it. */
  readonly template: string;
  readonly segments: readonly Segment[];
  readonly kind: 'api' | 'page';
  /** The methods the file exports (a page answers GET). */
  readonly methods: readonly HttpMethod[];
}

function segmentOf(dir: string): Segment | null {
  if (/^\(.*\)$/.test(dir)) return null; // a route group adds nothing to the URL
  const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(dir);
  if (catchAll) return { kind: 'catchAll', name: catchAll[1] };
  const param = /^\[(\w+)\]$/.exec(dir);
  if (param) return { kind: 'param', name: param[1] };
  return { kind: 'literal', text: dir };
}

/** `export async function GET`, `export const POST =`, `export { notFound as GET, … }`. */
function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const m of block[1].matchAll(/(?:\w+\s+as\s+)?([A-Z]+)\b/g)) found.add(m[1]);
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

export function appRoutes(appDir: string): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (dir: string, segments: Segment[]) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        const seg = segmentOf(e.name);
        walk(full, seg ? [...segments, seg] : segments);
      } else if (e.name === 'route.ts' || e.name === 'page.tsx') {
        const template = `/${segments.map((s) => (s.kind === 'literal' ? s.text : s.kind === 'param' ? `[${s.name}]` : `[...${s.name}]`)).join('/')}`;
        const isRoute = e.name === 'route.ts';
        out.push({
          template,
          segments,
          kind: template.startsWith('/api/') ? 'api' : 'page',
          methods: isRoute ? exportedMethods(readFileSync(full, 'utf8')) : ['GET'],
        });
      }
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => a.template.localeCompare(b.template));
}

import type { Response } from "express";
import { matchRoutes, type RouteObject } from "react-router";

/**
 * The route pattern a request matched (`/t/:slug/visits/:visitId`), never its path: the metrics label
 * requests by it (decision 0250), so the number of series is the number of routes whatever a stranger
 * sends. React Router's server build lists its routes flat (id, parentId, path, index); this rebuilds
 * the tree that `matchRoutes` walks, once per build.
 */
type RouteEntry = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean };
type PatternRoute = RouteObject & { pattern?: string };

export function routeTree(manifest: Record<string, RouteEntry | undefined>): PatternRoute[] {
  const entries = Object.values(manifest).filter((entry): entry is RouteEntry => entry !== undefined);
  const childrenOf = (parentId: string | undefined): PatternRoute[] =>
    entries
      .filter((entry) => entry.parentId === parentId)
      .map((entry) =>
        entry.index
          ? { id: entry.id, index: true, path: entry.path, caseSensitive: entry.caseSensitive }
          : { id: entry.id, path: entry.path, caseSensitive: entry.caseSensitive, children: childrenOf(entry.id) },
      );
  return childrenOf(undefined);
}

/** The matched route's full pattern, or undefined when no route matches the path. */
export function matchedRoutePattern(tree: PatternRoute[], pathname: string): string | undefined {
  const matches = matchRoutes(tree, pathname);
  if (!matches) return undefined;
  const joined = matches
    .map((match) => match.route.path ?? "")
    .filter((path) => path !== "" && path !== "/")
    .join("/");
  return `/${joined}`;
}

const trees = new WeakMap<object, PatternRoute[]>();
/** The tree of one server build, rebuilt only when the build changes (development reloads). */
export function routeTreeOf(build: { routes: Record<string, RouteEntry | undefined> }): PatternRoute[] {
  let tree = trees.get(build.routes);
  if (!tree) {
    tree = routeTree(build.routes);
    trees.set(build.routes, tree);
  }
  return tree;
}

const PATTERN = "vigilRoutePattern";
/** Set by whoever routes the request (React Router's handler, an Express route), read by the metrics. */
export function noteRoutePattern(res: Response, pattern: string): void {
  res.locals[PATTERN] = pattern;
}
export function notedRoutePattern(res: Response): string | undefined {
  const pattern: unknown = res.locals[PATTERN];
  return typeof pattern === "string" ? pattern : undefined;
}

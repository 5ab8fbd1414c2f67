import { AREAS, type Area } from './store';

/**
 * Parse a location hash like `#/train` into an area; anything else is null.
 * Pure, so it is tested without a browser.
 */
export function parseAreaFromHash(hash: string): Area | null {
  const match = /^#\/?([a-z]+)/.exec(hash);
  const name = match?.[1];
  return AREAS.find((area) => area === name) ?? null;
}

/** The hash that opens `area`. */
export function hashForArea(area: Area): string {
  return `#/${area}`;
}

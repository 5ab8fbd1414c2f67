import { describe, expect, test } from 'vitest';
import { preferredBackendFromSearch } from '../../src/state/engine-bridge';

describe('?backend= in the page URL', () => {
  test('names webgl, wasm or cpu; anything else means webgl', () => {
    expect(preferredBackendFromSearch('?backend=wasm')).toBe('wasm');
    expect(preferredBackendFromSearch('?backend=cpu')).toBe('cpu');
    expect(preferredBackendFromSearch('?backend=webgl')).toBe('webgl');
    expect(preferredBackendFromSearch('?backend=WASM')).toBe('webgl');
    expect(preferredBackendFromSearch('?x=1&backend=wasm')).toBe('wasm');
  });
});

import { describe, expect, test } from 'vitest';
import { backendRequestFromSearch } from '../../src/state/slices/backend-choice-commands';

describe('?backend= in the page URL', () => {
  test('names webgl, wasm or cpu: the user chose it', () => {
    expect(backendRequestFromSearch('?backend=wasm')).toEqual({ kind: 'user', backend: 'wasm' });
    expect(backendRequestFromSearch('?backend=cpu')).toEqual({ kind: 'user', backend: 'cpu' });
    expect(backendRequestFromSearch('?backend=webgl')).toEqual({ kind: 'user', backend: 'webgl' });
    expect(backendRequestFromSearch('?x=1&backend=wasm')).toEqual({ kind: 'user', backend: 'wasm' });
  });

  test('absent or unknown: the app chooses by measuring', () => {
    expect(backendRequestFromSearch('')).toEqual({ kind: 'auto' });
    expect(backendRequestFromSearch('?backend=WASM')).toEqual({ kind: 'auto' });
    expect(backendRequestFromSearch('?backend=quantum')).toEqual({ kind: 'auto' });
  });
});

import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

/**
 * The import rule between layers (DESIGN.md) is enforced by ESLint; these cases prove the config
 * really rejects each forbidden arrow and allows the permitted ones.
 */
const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer import rules', () => {
  test.each([
    ['src/core/bad.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n"],
    ['src/core/bad.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['src/core/bad.ts', "import { useAppStore } from '../state/store';\nexport const x = useAppStore;\n"],
    ['src/views/Bad.tsx', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n"],
    ['src/views/Bad.tsx', "import { startEngine } from '../engine/client/engine-client';\nexport const x = startEngine;\n"],
    ['src/views/Bad.tsx', "import { isEngineEvent } from '../engine/protocol';\nexport const x = isEngineEvent;\n"],
    ['src/engine/bad.ts', "import { useAppStore } from '../state/store';\nexport const x = useAppStore;\n"],
    ['src/engine/bad.ts', "import { App } from '../views/App';\nexport const x = App;\n"],
    ['src/state/bad.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n"],
    // State reaches the engine through src/engine/client/ and protocol types only, never its insides.
    ['src/state/bad.ts', "import { Trainer } from '../engine/training/trainer';\nexport const x = Trainer;\n"],
    ['src/state/slices/bad.ts', "import { createEngine } from '../../engine/engine';\nexport const x = createEngine;\n"],
    ['src/state/bad.ts', "import { isEngineEvent } from '../engine/protocol';\nexport const x = isEngineEvent;\n"],
    ['src/state/bad.ts', "import { isTrainEvent } from '../engine/protocol-train';\nexport const x = isTrainEvent;\n"],
  ])('%s rejects %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toContain('no-restricted-imports');
  });

  test.each([
    ['a module-level let', 'let client: string | null = null;\nexport const get = (): string | null => client;\nexport const set = (next: string): void => {\n  client = next;\n};\n'],
    ['a module-level Map', 'const pending = new Map<number, string>();\nexport const add = (id: number): void => {\n  pending.set(id, "x");\n};\n'],
    ['an exported module-level array', 'export const waiters: (() => void)[] = [];\n'],
    ['a module-level object', 'const latest = { id: 0 };\nexport const bump = (): void => {\n  latest.id += 1;\n};\n'],
  ])('no module in src/state holds mutable state: %s is refused', async (_name, code) => {
    expect(await ruleIdsFor('src/state/slices/bad.ts', code)).toContain('no-restricted-syntax');
  });

  test('src/state may keep constants that cannot change', async () => {
    const code = "export const LIMIT = 24;\nexport const NAMES = ['a', 'b'] as const;\nexport const LABELS: Readonly<Record<string, string>> = Object.freeze({ a: 'A' });\nexport function make(): Map<number, string> {\n  const fresh = new Map<number, string>();\n  return fresh;\n}\n";
    expect(await ruleIdsFor('src/state/ok.ts', code)).toEqual([]);
  });

  test('core may not touch DOM globals', async () => {
    expect(await ruleIdsFor('src/core/bad.ts', 'export const w = document.title;\n')).toContain('no-restricted-globals');
  });

  test.each([
    ['src/views/Ok.tsx', "import type { BackendInfo } from '../engine/protocol';\nexport type X = BackendInfo;\n"],
    ['src/state/ok.ts', "import { startEngine } from '../engine/client/engine-client';\nexport const x = startEngine;\n"],
    ['src/state/slices/ok.ts', "import { runProbes } from '../../engine/client/probe-runner';\nexport const x = runProbes;\n"],
    ['src/state/ok.ts', "import type { TrainEvent } from '../engine/protocol-train';\nexport type X = TrainEvent;\n"],
    ['src/engine/ok.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n"],
  ])('%s allows %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toEqual([]);
  });
});

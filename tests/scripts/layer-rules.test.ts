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
    ['src/views/Bad.tsx', "import { startEngine } from '../engine/client';\nexport const x = startEngine;\n"],
    ['src/views/Bad.tsx', "import { isEngineEvent } from '../engine/protocol';\nexport const x = isEngineEvent;\n"],
    ['src/engine/bad.ts', "import { useAppStore } from '../state/store';\nexport const x = useAppStore;\n"],
    ['src/engine/bad.ts', "import { App } from '../views/App';\nexport const x = App;\n"],
    ['src/state/bad.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n"],
  ])('%s rejects %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toContain('no-restricted-imports');
  });

  test('core may not touch DOM globals', async () => {
    expect(await ruleIdsFor('src/core/bad.ts', 'export const w = document.title;\n')).toContain('no-restricted-globals');
  });

  test.each([
    ['src/views/Ok.tsx', "import type { BackendInfo } from '../engine/protocol';\nexport type X = BackendInfo;\n"],
    ['src/state/ok.ts', "import { startEngine } from '../engine/client';\nexport const x = startEngine;\n"],
    ['src/engine/ok.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n"],
  ])('%s allows %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toEqual([]);
  });
});

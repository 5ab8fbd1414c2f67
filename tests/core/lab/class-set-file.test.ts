import { describe, expect, test } from 'vitest';
import { CIFAR_IMAGE_BYTES } from '../../../src/core/data/cifar-format';
import { base64ToBytes, bytesToBase64, CLASS_SET_FORMAT, readClassSetFile, writeClassSetFile } from '../../../src/core/lab/class-set-file';

const AT = '2026-12-06T16:00:00.000Z';

function pixels(value: number): Uint8Array {
  return Uint8Array.from({ length: CIFAR_IMAGE_BYTES }, (_, index) => (value + index) % 256);
}

const SET = {
  id: 'set-1',
  name: 'Shapes',
  createdAt: AT,
  updatedAt: AT,
  classes: [
    { id: 'c1', name: 'circle', pictures: [{ id: 'p1', pixels: pixels(1) }, { id: 'p2', pixels: pixels(2) }] },
    { id: 'c2', name: 'square', pictures: [{ id: 'p3', pixels: pixels(3) }] },
  ],
};

/** The written file as an object, changed by `edit`, as text again. */
function edited(edit: (document: Record<string, unknown>) => void): string {
  const document = JSON.parse(writeClassSetFile(SET)) as Record<string, unknown>;
  edit(document);
  return JSON.stringify(document);
}

function messages(text: string): string[] {
  const read = readClassSetFile(text);
  if (read.ok) throw new Error('expected the file to be refused');
  return read.problems.map((problem) => problem.message);
}

describe('class-set file', () => {
  test('round-trips names and every byte of every picture', () => {
    const read = readClassSetFile(writeClassSetFile(SET));
    expect(read).toEqual({
      ok: true,
      content: { name: 'Shapes', classes: [{ name: 'circle', pictures: [pixels(1), pixels(2)] }, { name: 'square', pictures: [pixels(3)] }] },
    });
  });

  test('base64 both ways, and null for what is not base64', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, index) => index % 251);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(base64ToBytes('not base64!')).toBeNull();
  });

  test('refuses what is not a class-set file, naming the part at fault', () => {
    expect(messages('{')).toEqual(['it is not a class-set file: it is not JSON']);
    expect(messages('[]')[0]).toMatch(/must be an object/);
    expect(messages(edited((document) => { document.format = 'cnn-playground-model-card'; }))[0]).toBe(`format must be '${CLASS_SET_FORMAT}', got 'cnn-playground-model-card'`);
    expect(messages(edited((document) => { delete document.format; }))[0]).toMatch(/^format must be 'cnn-playground-class-set', got nothing/);
    expect(messages(edited((document) => { document.version = 2; }))[0]).toMatch(/version 2 is newer than this app reads/);
    expect(messages(edited((document) => { document.imageShape = [28, 28, 1]; }))[0]).toMatch(/^imageShape/);
  });

  test('names the class and the picture that are damaged', () => {
    const damaged = edited((document) => {
      const classes = document.classes as { name: string; pictures: string[] }[];
      const second = classes[1];
      const first = classes[0];
      if (!second || !first) throw new Error('fixture has two classes');
      second.pictures = ['AAAA'];
      first.name = 'Square';
    });
    expect(messages(damaged)).toEqual([
      'classes[1].name is refused: there is already a class named “square”: each class needs its own name',
      "classes[1].pictures[0] must be 3072 bytes (32 × 32 × 3) in base64, got 'AAAA'",
    ]);
    expect(messages(edited((document) => { document.classes = 'many'; }))[0]).toBe("classes must be a list of classes, got 'many'");
    expect(messages(edited((document) => { document.classes = []; }))[0]).toMatch(/^classes must hold at least one class/);
  });
});

import { describe, expect, test } from 'vitest';
import { CIFAR_IMAGE_BYTES } from '../../../src/core/data/cifar-format';
import { centreSquareToRgb } from '../../../src/core/data/picture-input';
import { writeClassSetFile } from '../../../src/core/lab/class-set-file';
import { createMemoryClassSetStore } from '../../../src/engine/classes/class-set-store';
import { createClassesHandler } from '../../../src/engine/classes/classes-commands';
import type { ClassesEvent } from '../../../src/engine/protocol-classes';
import type { NamedBlob } from '../../../src/engine/protocol-classify';

/** A handler on a memory store whose "decoder" reads a file's first byte as a grey level, or refuses a file named bad*. */
function setUp() {
  const events: ClassesEvent[] = [];
  let tick = 0;
  const handler = createClassesHandler({
    emit: (event) => events.push(event),
    store: createMemoryClassSetStore(),
    decode: async (file: NamedBlob) => {
      if (file.name.startsWith('bad')) throw new Error(`${file.name} could not be decoded: its PNG data is damaged.`);
      const level = new Uint8Array(await file.data.arrayBuffer())[0] ?? 0;
      return new Uint8Array(CIFAR_IMAGE_BYTES).fill(level);
    },
    now: () => new Date(Date.UTC(2026, 11, 6, 12, 0, tick++)),
    random: () => 0.5,
  });
  const last = (): ClassesEvent => {
    const event = events.at(-1);
    if (!event) throw new Error('no event');
    return event;
  };
  const setOf = (event: ClassesEvent) => {
    if (event.type !== 'classes-set') throw new Error(`expected classes-set, got ${event.type}: ${JSON.stringify(event)}`);
    return event;
  };
  return { handler, events, last, setOf };
}

const file = (name: string, level: number): NamedBlob => ({ name, data: new Blob([new Uint8Array([level])]) });

describe('own-classes handler', () => {
  test('makes a set, fills a class from files (naming the refused one), lists it with thumbnails', async () => {
    const { handler, last, setOf } = setUp();
    await handler.handle({ type: 'classes-create', id: 1, name: ' My  set ', classNames: ['red', 'blue'] });
    const made = setOf(last()).set;
    expect(made.name).toBe('My set');
    expect(made.classes.map((own) => own.name)).toEqual(['red', 'blue']);
    const red = made.classes[0]?.id ?? '';
    await handler.handle({ type: 'classes-add-files', id: 2, setId: made.id, classId: red, files: [file('a.png', 200), file('bad.png', 1), file('b.png', 100)] });
    const filled = setOf(last());
    expect(filled.added).toBe(2);
    expect(filled.refused).toEqual(['bad.png could not be decoded: its PNG data is damaged.']);
    expect(filled.set.classes[0]?.pictures.map((picture) => picture.pixels[0])).toEqual([200, 100]);
    await handler.handle({ type: 'classes-list', id: 3 });
    const listed = last();
    expect(listed.type).toBe('classes-listed');
    if (listed.type !== 'classes-listed') return;
    expect(listed.sets[0]?.classes.map((own) => own.pictures)).toEqual([2, 0]);
    expect(listed.sets[0]?.thumbnails.map((thumbnail) => thumbnail?.[0] ?? null)).toEqual([200, null]);
  });

  test('camera frames are centre-cropped and area-resampled like a file', async () => {
    const { handler, last, setOf } = setUp();
    await handler.handle({ type: 'classes-create', id: 1, name: 'cam', classNames: ['me', 'you'] });
    const made = setOf(last()).set;
    const width = 64;
    const height = 48;
    const rgba = new Uint8ClampedArray(width * height * 4).map((_, index) => (index * 7) % 256);
    await handler.handle({ type: 'classes-add-frames', id: 2, setId: made.id, classId: made.classes[1]?.id ?? '', frames: [{ width, height, rgba }, { width: 0, height: 0, rgba: new Uint8ClampedArray(0) }] });
    const answer = setOf(last());
    expect(answer.added).toBe(1);
    expect(answer.refused[0]).toMatch(/^Camera frame 2 could not be read: a frame is at least 1 × 1 pixels/);
    expect(answer.set.classes[1]?.pictures[0]?.pixels).toEqual(centreSquareToRgb(rgba, width, height));
  });

  test('changes, refusals as errors, export and import round trip', async () => {
    const { handler, last, setOf } = setUp();
    await handler.handle({ type: 'classes-create', id: 1, name: 'shapes', classNames: ['disc', 'square'] });
    const made = setOf(last()).set;
    await handler.handle({ type: 'classes-change', id: 2, setId: made.id, change: { kind: 'add-class', name: 'Disc' } });
    expect(last()).toEqual({ type: 'classes-error', id: 2, message: 'there is already a class named “Disc”: each class needs its own name' });
    await handler.handle({ type: 'classes-change', id: 3, setId: made.id, change: { kind: 'rename-class', classId: made.classes[1]?.id ?? '', name: 'box' } });
    expect(setOf(last()).set.classes.map((own) => own.name)).toEqual(['disc', 'box']);
    await handler.handle({ type: 'classes-add-files', id: 4, setId: made.id, classId: made.classes[0]?.id ?? '', files: [file('x.png', 9)] });
    await handler.handle({ type: 'classes-export', id: 5, setId: made.id });
    const exported = last();
    if (exported.type !== 'classes-file') throw new Error(exported.type);
    expect(exported.file.name).toBe('shapes.classes.json');
    await handler.handle({ type: 'classes-import', id: 6, file: exported.file });
    const imported = setOf(last()).set;
    expect(imported.id).not.toBe(made.id);
    expect(imported.classes.map((own) => [own.name, own.pictures.length])).toEqual([['disc', 1], ['box', 0]]);
    await handler.handle({ type: 'classes-delete', id: 7, setId: made.id });
    const listed = last();
    expect(listed.type === 'classes-listed' && listed.sets.map((set) => set.id)).toEqual([imported.id]);
    await handler.handle({ type: 'classes-open', id: 8, setId: made.id });
    expect(last()).toMatchObject({ type: 'classes-error', message: /no longer in this browser/ });
  });

  test('a damaged or foreign file is refused with its name and the part that is wrong', async () => {
    const { handler, last } = setUp();
    await handler.handle({ type: 'classes-import', id: 1, file: { name: 'notes.json', data: new Blob(['{"hello":1}']) } });
    expect(last()).toMatchObject({ type: 'classes-error', message: expect.stringMatching(/^notes\.json was not imported: format must be/) });
    const broken = writeClassSetFile({ name: 'x', classes: [{ id: 'c', name: 'a', pictures: [] }] }).replace('"pictures":[]', '"pictures":["AAAA"]');
    await handler.handle({ type: 'classes-import', id: 2, file: { name: 'broken.classes.json', data: new Blob([broken]) } });
    expect(last()).toMatchObject({ type: 'classes-error', message: expect.stringMatching(/^broken\.classes\.json was not imported: classes\[0\]\.pictures\[0\] must be 3072 bytes/) });
  });
});

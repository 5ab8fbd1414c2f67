import { describe, expect, test } from 'vitest';
import { CIFAR10_CLASSES } from '../../../src/core/data/cifar-format';
import { classifierShapeProblem, classNamesOf, readModelMetadata } from '../../../src/core/model/classifier-model';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { analyseModelSpec } from '../../../src/core/model/model-spec-validate';
import { describeTransfer, keptLayerCount, ownClassesHyperparameters, readOwnClasses, readTransfer, runClassNames, specForClasses, transferSpec } from '../../../src/core/lab/own-classes-lab';

describe('a network for your own classes', () => {
  test('from scratch: any network of the editor, its last layer one unit per class', () => {
    const spec = specForClasses(DEFAULT_MODEL_SPEC, 3);
    expect(spec.layers.at(-1)).toEqual({ type: 'Dense', units: 3, activation: 'softmax' });
    expect(analyseModelSpec(spec, { classCount: 3 }).ok).toBe(true);
    // The check that keeps CIFAR-10 networks at ten units still holds without the rule.
    const refused = analyseModelSpec(spec);
    expect(refused.ok).toBe(false);
    const tenUnits = analyseModelSpec(DEFAULT_MODEL_SPEC, { classCount: 3 });
    expect(tenUnits.ok ? [] : tenUnits.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/Dense with 3 units and softmax, one probability per class of your set/)]);
  });

  test('transfer: the layers before Flatten kept, a one-layer head per class', () => {
    expect(keptLayerCount(DEFAULT_MODEL_SPEC)).toBe(4);
    const { spec, keptLayers } = transferSpec(DEFAULT_MODEL_SPEC, 3);
    expect(keptLayers).toBe(4);
    expect(spec.layers.slice(0, 4)).toEqual(DEFAULT_MODEL_SPEC.layers.slice(0, 4));
    expect(spec.layers.slice(4)).toEqual([{ type: 'Flatten' }, { type: 'Dropout', rate: 0.5 }, { type: 'Dense', units: 3, activation: 'softmax' }]);
    const analysis = analyseModelSpec(spec, { classCount: 3 });
    expect(analysis.ok).toBe(true);
    // 15 × 15 × 32 features read out by 3 units: the head is small enough for a few dozen pictures.
    expect(analysis.layers.at(-1)?.params).toBe(15 * 15 * 32 * 3 + 3);
    expect(() => transferSpec(DEFAULT_MODEL_SPEC, 11)).toThrow(/2 to 10 classes/);
    expect(() => transferSpec({ layers: [{ type: 'Dense', units: 3, activation: 'softmax' }] }, 3)).toThrow(/no convolution part/);
    expect(describeTransfer({ from: { kind: 'pretrained' }, freeze: true, keptLayers: 4 })).toBe('4 layers from the pretrained CIFAR-10 model, frozen');
  });

  test('small sets train with Adam in small batches, augmented', () => {
    const settings = ownClassesHyperparameters(48);
    expect(settings).toMatchObject({ optimizer: 'adam', batchSize: 16, augment: true, trainSubset: null });
    expect(ownClassesHyperparameters(5_000).augment).toBe(false);
  });

  test('a run keeps its class names; without them it is CIFAR-10', () => {
    expect(runClassNames({})).toBe(CIFAR10_CLASSES);
    expect(runClassNames({ classes: { setId: 's', setName: 'Shapes', classNames: ['a', 'b'], heldOutShare: 0.2 } })).toEqual(['a', 'b']);
  });

  test('lab parts are read strictly, each problem naming its field', () => {
    expect(readOwnClasses(undefined, 'classes')).toEqual({ value: undefined, problems: [] });
    expect(readOwnClasses({ setId: 's', setName: 'S', classNames: ['a', 'b'] }, 'classes').value).toEqual({ setId: 's', setName: 'S', classNames: ['a', 'b'], heldOutShare: 0.2 });
    const one = readOwnClasses({ setId: 's', setName: 'S', classNames: ['a'] }, 'classes');
    expect(one.problems[0]?.message).toBe('classes.classNames must name at least 2 classes, got ["a"]');
    const transfer = readTransfer({ from: { kind: 'run', runId: 'r', name: 'Run 1' }, freeze: 'yes', keptLayers: 4 }, 'transfer');
    expect(transfer.problems[0]?.message).toBe("transfer.freeze must be true or false, got 'yes'");
  });
});

describe('a classifier keeps its class names', () => {
  test('a model file names its classes; without them it is CIFAR-10', () => {
    expect(readModelMetadata({ classNames: ['red', 'green', 'blue'] }).classNames).toEqual(['red', 'green', 'blue']);
    expect(classNamesOf(readModelMetadata({}))).toBe(CIFAR10_CLASSES);
    expect(readModelMetadata({ classNames: ['red', 'red'] }).classNames).toBeNull();
    expect(readModelMetadata({ classNames: ['only'] }).classNames).toBeNull();
    expect(readModelMetadata({ classNames: ['a', 7] }).classNames).toBeNull();
  });

  test('its output must give one probability per class', () => {
    expect(classifierShapeProblem([[null, 32, 32, 3]], [[null, 3]], 3)).toBeNull();
    expect(classifierShapeProblem([[null, 32, 32, 3]], [[null, 10]], 3)).toBe('it gives outputs of shape [null, 10], but the classifier needs 3 probabilities, one per class its file names, shape [null, 3]');
    expect(classifierShapeProblem([[null, 32, 32, 3]], [[null, 3]])).toMatch(/needs 10 probabilities, one per CIFAR-10 class/);
  });
});

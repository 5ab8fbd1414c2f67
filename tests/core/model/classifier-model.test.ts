import { describe, expect, test } from 'vitest';
import { classifierShapeProblem, describeBuildFailure, describeLoaded, describePretrained, describeTrained, probabilityProblem, readModelMetadata, trainedHandoverNotice } from '../../../src/core/model/classifier-model';
import { validateModelName } from '../../../src/core/model/model-name';

describe('naming the model that answered', () => {
  test('pretrained: with the accuracy its file records, or without', () => {
    expect(describePretrained(readModelMetadata({ testAccuracy: 0.6494, testImages: 10000 }))).toBe('pretrained tutorial model, 64.9 % on the test set');
    expect(describePretrained(readModelMetadata({ testAccuracy: 0.61, testImages: 2000 }))).toBe('pretrained tutorial model, 61.0 % on 2,000 test images');
    expect(describePretrained(readModelMetadata({}))).toBe('pretrained tutorial model');
  });

  test('trained here: the epoch, batches past it, and the validation accuracy', () => {
    expect(describeTrained({ epochsDone: 3, batch: 0, valAccuracy: 0.512, validationImages: 500 })).toBe('your model, trained here, epoch 3 (51.2 % on 500 validation images)');
    expect(describeTrained({ epochsDone: 3, batch: 12, valAccuracy: 0.512, validationImages: 500 })).toBe(
      'your model, trained here, epoch 3 + 12 batches (51.2 % on 500 validation images after epoch 3)',
    );
    expect(describeTrained({ epochsDone: 0, batch: 1, valAccuracy: null, validationImages: 500 })).toBe('your model, trained here, 1 batch into epoch 1 (not validated yet)');
  });

  test('a model no better than guessing says so wherever it is named (issue 16, case 3)', () => {
    expect(describeTrained({ epochsDone: 1, batch: 0, valAccuracy: 0.0938, validationImages: 500 })).toBe('your model, trained here, epoch 1 (9.4 % on 500 validation images), no better than guessing yet');
    expect(trainedHandoverNotice(1, 0.0938, 500)).toBe(
      'Your model finished epoch 1 in Train, so it answers from now on (choose another model below at any time). Careful: it does no better than guessing yet (9.4 % on 500 validation images, where guessing gets 10 %), so its answers mean nothing until it trains longer.',
    );
    expect(trainedHandoverNotice(1, 0.4, 500)).toBe('Your model finished epoch 1 in Train, so it answers from now on (choose another model below at any time).');
  });

  test('loaded: its name, where from, and what it was', () => {
    expect(describeLoaded('cats v2', 'library', readModelMetadata({ description: 'your model, trained here, epoch 5' }))).toBe('“cats v2” from your library (your model, trained here, epoch 5)');
    expect(describeLoaded('m.json', 'files', readModelMetadata({ testAccuracy: 0.7 }))).toBe('“m.json” loaded from files (70.0 % on the test set)');
    expect(describeLoaded('m.json', 'files', readModelMetadata(null))).toBe('“m.json” loaded from files');
  });

  test('readModelMetadata keeps only well-formed fields', () => {
    expect(readModelMetadata({ testAccuracy: 1.5, testImages: -3, description: 7 })).toEqual({ description: null, testAccuracy: null, testImages: null, classNames: null });
  });
});

describe('the classifier contract', () => {
  test('input [null, 32, 32, 3] and output [null, 10] pass; anything else is named', () => {
    expect(classifierShapeProblem([[null, 32, 32, 3]], [[null, 10]])).toBeNull();
    expect(classifierShapeProblem([[null, 28, 28, 1]], [[null, 10]])).toBe(
      'it takes inputs of shape [null, 28, 28, 1], but the classifier feeds 32 × 32 colour pictures, shape [null, 32, 32, 3]',
    );
    expect(classifierShapeProblem([[null, 32, 32, 3]], [[null, 100]])).toBe(
      'it gives outputs of shape [null, 100], but the classifier needs 10 probabilities, one per CIFAR-10 class, shape [null, 10]',
    );
    expect(classifierShapeProblem([[null, 32, 32, 3], [null, 4]], [[null, 10]])).toMatch(/^it has 2 inputs/);
  });

  test('outputs must be probabilities: in [0, 1] and adding up to 1', () => {
    expect(probabilityProblem([0.5, 0.25, 0.25])).toBeNull();
    expect(probabilityProblem([2, -1, 0])).toMatch(/one is 2\.00\): its last layer must use softmax/);
    expect(probabilityProblem([0.5, 0.2, 0.2])).toBe('its outputs are not probabilities (they add up to 0.900, not 1): its last layer must use softmax');
    expect(probabilityProblem([Number.NaN])).toBe('its output 1 is NaN, not a probability');
  });

  test('model names: trimmed, not empty, at most 60 characters, no control characters', () => {
    expect(validateModelName('  cats v2 ')).toBe('cats v2');
    expect(() => validateModelName('   ')).toThrow('a model name must not be empty');
    expect(() => validateModelName('x'.repeat(61))).toThrow('a model name may have at most 60 characters, got 61');
    expect(() => validateModelName('a\tb')).toThrow(/control characters/);
  });
});

describe('why tfjs could not build a model file, for the person who dropped it (issue 16, case 7)', () => {
  test('an unknown layer or activation is named without tfjs’s advice to programmers', () => {
    const tfjs = 'Unknown layer: MyAttention. This may be due to one of the following reasons:\n1. The layer is defined in Python, in which case it needs to be ported to TensorFlow.js or your JavaScript code.\n2. The custom layer is defined in JavaScript, but is not registered properly with tf.serialization.registerClass().';
    expect(describeBuildFailure(tfjs)).toMatch(/^it uses a layer TensorFlow\.js does not know, “MyAttention” \(a custom layer, perhaps written in Python\), so it cannot run here\./);
    expect(describeBuildFailure(tfjs)).not.toMatch(/registerClass/);
    expect(describeBuildFailure('Unknown activation: swishy. This may be due to …')).toMatch(/^it uses an activation TensorFlow\.js does not know, “swishy”/);
  });

  test('other failures keep their first line only', () => {
    expect(describeBuildFailure('Shape mismatch\nat line 3')).toBe('TensorFlow.js could not build it: Shape mismatch');
    expect(describeBuildFailure('')).toBe('TensorFlow.js could not build it: no reason given');
  });
});

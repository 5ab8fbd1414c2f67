import { describe, expect, test } from 'vitest';
import { axisGeometry } from '../../src/core/lessons/conv-geometry';
import { isHalfTurnSymmetric } from '../../src/core/lessons/flip-pad';
import { matrixFromRows } from '../../src/core/lessons/volume';
import { borderText, strideBorderText } from '../../src/views/learn/formulas';
import { conv1dIntro } from '../../src/views/learn/lesson-text';
import { dropoutText, explainLayer, reductionText } from '../../src/views/learn/lessons/network-explanations';

describe('teaching text says what the numbers say (issue 14)', () => {
  test('flipping: symmetry is decided from the mask (a half-turn), not from one input', () => {
    expect(isHalfTurnSymmetric(matrixFromRows([[1, 2, 1], [2, 4, 2], [1, 2, 1]]))).toBe(true);
    // Sobel: a flat input gives equal outputs both ways, but the mask is not half-turn symmetric.
    expect(isHalfTurnSymmetric(matrixFromRows([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]))).toBe(false);
    // Symmetric under a half-turn without being mirror-symmetric.
    expect(isHalfTurnSymmetric(matrixFromRows([[1, 2], [3, 3], [2, 1]]))).toBe(true);
  });

  test("stride: 'same' is said to add a border only when it adds one", () => {
    // 5 wide, 3×3 mask, stride 3: 'same' pads 1 at the bottom and right.
    const rows = axisGeometry(5, 3, 3, 'valid');
    expect(strideBorderText(rows, rows, 'valid')).toBe('Padding “same” would add a zero border of 1 cell at the bottom and 1 at the right, so that the last jump fits.');
    const same = axisGeometry(5, 3, 3, 'same');
    expect(strideBorderText(same, same, 'same')).toMatch(/^Padding “same” added a zero border of 1 cell at the bottom and 1 at the right/);
    // A 1-wide mask with stride 3 on 5: 'same' adds nothing, and a cell stays unread.
    const none = axisGeometry(5, 1, 3, 'same');
    expect(none.padBefore + none.padAfter).toBe(0);
    expect(none.unreadCells).toBe(1);
    expect(strideBorderText(none, none, 'same')).toBe('Padding “same” added no border: it pads only enough for ⌈5 ÷ 3⌉ = 2 windows down and ⌈5 ÷ 3⌉ = 2 across, not so that every cell is read.');
    expect(strideBorderText(axisGeometry(5, 1, 3, 'valid'), axisGeometry(5, 1, 3, 'valid'), 'valid')).toMatch(/would add no border here/);
    expect(borderText({ top: 1, bottom: 1, left: 0, right: 0 })).toBe('a zero border of 1 cell at the top and 1 at the bottom');
  });

  test('1-D: the intro says what the pool size does', () => {
    expect(conv1dIntro(3, 2, 14, 7)).toMatch(/keeps the largest of each pair, so 14 values become 7\.$/);
    expect(conv1dIntro(3, 3, 14, 4)).toMatch(/keeps the largest of each group of 3, so 14 values become 4\.$/);
    expect(conv1dIntro(3, 3, 14, 4)).not.toMatch(/halv/);
  });

  test('network: pooling and dropout numbers come from the layer', () => {
    expect(reductionText(30 * 30 * 32, 15 * 15 * 32)).toBe('three quarters');
    expect(reductionText(9, 1)).toBe('88.9 %');
    const pool3 = explainLayer({ type: 'MaxPooling2D', poolSize: 3, strides: null, padding: 'valid' }, [30, 30, 32], [10, 10, 32], 0);
    expect(pool3.text).toMatch(/3\u202f200 numbers instead of 28\u202f800: 88.9 % fewer\./);
    expect(pool3.text).not.toMatch(/three quarters/);
    expect(dropoutText(0.2, 32_768)).toMatch(/with probability 0\.2 — about 20 % of them/);
    expect(dropoutText(0.2, 32_768)).toMatch(/multiplied by 1 \/ \(1 − 0\.2\) = 1\.25,/);
    expect(dropoutText(0.3, 512)).toMatch(/1 \/ \(1 − 0\.3\) = 1\.429…/);
    expect(dropoutText(0.5, 512)).toMatch(/= 2,/);
  });
});

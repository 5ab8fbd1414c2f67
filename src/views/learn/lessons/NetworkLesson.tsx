import { useCallback, useId, useMemo } from 'react';
import { relu, softmaxWorking } from '../../../core/lessons/activations';
import { CIFAR10_CLASSES } from '../../../core/data/cifar-format';
import { DEFAULT_MODEL_SPEC, MODEL_INPUT_SHAPE } from '../../../core/model/model-spec';
import { analyseModelSpec } from '../../../core/model/model-spec-validate';
import { LESSON_RULES } from '../../../core/lessons/lesson-bounds';
import { formatCount, formatNumber, parseField, parseNumber, withCell } from '../format-number';
import { useDraft } from '../use-draft';
import type { ScoresDraft } from '../lesson-drafts';
import { useLessonPlayer } from '../use-lesson-player';
import { LessonFrame } from '../parts/LessonFrame';
import { FieldError } from '../parts/NumberField';
import { explainLayer } from './network-explanations';
import { useNetworkInternals } from '../../common/use-network-internals';
import { NetworkDiagram, type DiagramBlock } from '../parts/NetworkDiagram';

/** The tutorial's network, layer by layer, from the model-spec module (the same one Train builds). */
const ANALYSIS = analyseModelSpec(DEFAULT_MODEL_SPEC);
const LAYERS = ANALYSIS.layers.map((summary, index) => {
  const spec = DEFAULT_MODEL_SPEC.layers[index];
  const inputShape = index === 0 ? MODEL_INPUT_SHAPE : (ANALYSIS.layers[index - 1]?.outputShape ?? []);
  return { summary, explanation: spec ? explainLayer(spec, inputShape, summary.outputShape, summary.params) : null };
});
const TOTAL_PARAMS = ANALYSIS.ok ? ANALYSIS.totalParams : ANALYSIS.layers.reduce((sum, layer) => sum + layer.params, 0);

/** Sums a layer might produce, to show what ReLU does to each. */
const RELU_EXAMPLES = [-2, -0.5, 0, 1.5, 3];

function buildScores(draft: ScoresDraft) {
  const scores = (draft.scores[0] ?? []).map((text, index) => parseField(`Score for ${CIFAR10_CLASSES[index] ?? `class ${index + 1}`}`, text, LESSON_RULES.score));
  return softmaxWorking(scores);
}

const shapeText = (shape: readonly number[]): string => shape.join(' × ');

/** Lesson 8: the tutorial's whole network, from a 32×32×3 photo to 10 probabilities. */
export function NetworkLesson() {
  const { draft, applied, error, edit } = useDraft('network', buildScores);
  const player = useLessonPlayer(LAYERS.length + 1);
  const layerIndex = player.step - 2;
  const current = LAYERS[layerIndex];
  const onScore = useCallback((col: number, text: string) => edit('scores', withCell(draft.scores, 0, col, text)), [draft.scores, edit]);
  const caption = current
    ? `Step ${player.step}: layer ${layerIndex + 1}, ${current.summary.type} — output ${shapeText(current.summary.outputShape)}, ${formatCount(current.summary.params)} parameters.`
    : `Step 1: the input, one ${shapeText(MODEL_INPUT_SHAPE)} photo.`;
  const isSoftmax = current?.summary.type === 'Dense' && layerIndex === LAYERS.length - 1;
  const { internals } = useNetworkInternals();
  const blocks = useMemo((): DiagramBlock[] => {
    const maps = internals?.result.layers ?? [];
    return [
      { step: 1, title: 'Input', outputShape: MODEL_INPUT_SHAPE, params: 0, activations: null },
      ...LAYERS.map((layer, index) => {
        // Thumbnails only where the inspected network (pretrained, or the run's) has this layer's shape.
        const found = maps.find((candidate) => candidate.layerIndex === index);
        const matches = found !== undefined && found.shape.join() === layer.summary.outputShape.join();
        return { step: index + 2, title: `${index + 1} ${layer.summary.type}`, outputShape: layer.summary.outputShape, params: layer.summary.params, activations: matches ? found : null };
      }),
    ];
  }, [internals]);
  return (
    <LessonFrame
      lessonId="network"
      number={8}
      title="The whole network"
      player={player}
      caption={caption}
      intro={
        <p>
          The tutorial’s network uses everything so far: convolutions find features, pooling shrinks them, dense layers weigh them together and
          softmax gives 10 probabilities. Step through it, then <a href="#/train">train it in Train</a>.
        </p>
      }
    >
      <NetworkDiagram blocks={blocks} currentStep={player.step} onOpen={player.goTo} />
      {!internals && <p className="network-diagram-note">Choose a picture in Train’s dataset browser to see each layer’s feature maps for it in the blocks.</p>}
      <div className="network-stage">
        <table className="network-table">
          <caption>The tutorial’s layers, {formatCount(TOTAL_PARAMS)} parameters in all</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Layer</th>
              <th scope="col">Output shape</th>
              <th scope="col">Parameters</th>
            </tr>
          </thead>
          <tbody>
            <tr className={player.step === 1 ? 'is-current' : undefined} aria-current={player.step === 1 ? 'step' : undefined}>
              <td>0</td>
              <td>Input</td>
              <td>{shapeText(MODEL_INPUT_SHAPE)}</td>
              <td>0</td>
            </tr>
            {LAYERS.map((layer, index) => (
              <tr key={index} className={index === layerIndex ? 'is-current' : undefined} aria-current={index === layerIndex ? 'step' : undefined}>
                <td>{index + 1}</td>
                <td>{layer.summary.type}</td>
                <td>{shapeText(layer.summary.outputShape)}</td>
                <td>{formatCount(layer.summary.params)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td>{formatCount(TOTAL_PARAMS)}</td>
            </tr>
          </tfoot>
        </table>
        <section className="layer-explanation" aria-label="This layer">
          {current?.explanation ? (
            <>
              <h4>
                <code>{current.explanation.keras}</code>
              </h4>
              <p>{current.explanation.text}</p>
              {current.explanation.paramFormula && <p className="formula">Parameters: {current.explanation.paramFormula}</p>}
              {current.explanation.usesRelu && (
                <p className="formula" aria-label="ReLU examples">
                  ReLU: {RELU_EXAMPLES.map((value) => `${formatNumber(value)} → ${formatNumber(relu(value))}`).join(',  ')}
                </p>
              )}
            </>
          ) : (
            <>
              <h4>Input: one photo</h4>
              <p>
                A CIFAR-10 photo is 32×32 pixels with 3 colour channels (red, green, blue): {formatCount(3072)} numbers. The bytes 0…255 are divided
                by 255 so every input is between 0 and 1.
              </p>
            </>
          )}
          {isSoftmax && <SoftmaxTable scores={draft.scores[0] ?? []} onScore={onScore} working={applied} error={error?.message ?? null} />}
        </section>
      </div>
    </LessonFrame>
  );
}

function SoftmaxTable({ scores, onScore, working, error }: { scores: readonly string[]; onScore(col: number, text: string): void; working: ReturnType<typeof softmaxWorking>; error: string | null }) {
  const errorId = useId();
  return (
    <div className="callout-anchor">
      <table className="softmax-table">
        <caption>Softmax: try your own scores</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Score</th>
            <th scope="col">Probability</th>
          </tr>
        </thead>
        <tbody>
          {CIFAR10_CLASSES.map((name, index) => {
            const term = working.terms[index];
            const percent = (term?.probability ?? 0) * 100;
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    className="cell-input score-input"
                    type="text"
                    inputMode="decimal"
                    aria-label={`Score for ${name}`}
                    aria-invalid={'error' in parseNumber(scores[index] ?? '', LESSON_RULES.score)}
                    aria-describedby={error ? errorId : undefined}
                    value={scores[index] ?? ''}
                    onChange={(event) => onScore(index, event.currentTarget.value)}
                  />
                </td>
                <td>
                  <span className="probability-bar" style={{ width: `${percent * 1.6}px` }} aria-hidden="true" />
                  {formatNumber(percent, 1)} %
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && <FieldError id={errorId} message={error} />}
    </div>
  );
}

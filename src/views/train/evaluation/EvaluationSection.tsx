import { useId, useMemo } from 'react';
import { CIFAR10_CLASSES } from '../../../core/data/cifar-format';
import { confusionMatrix, matrixAccuracy, perClassAccuracy, worstConfusion } from '../../../core/training/confusion-matrix';
import { formatAccuracyLine } from '../../../core/training/training-record';
import { selectConfusionCell, selectDataset, selectShownEvaluation } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { CellImages } from './CellImages';
import { ClassAccuracyBars } from './ClassAccuracyBars';
import { ConfusionMatrix, imagesText } from './ConfusionMatrix';
import { EvaluateNowControls } from './EvaluateNowControls';
import { evaluationWhen } from './evaluation-text';
import './evaluation.css';

/**
 * After each epoch, or when "Evaluate now" asks: the test accuracy as the tutorial prints it, which
 * model and when, the confusion matrix (click a square to see its images) and the accuracy of each
 * class — where the network fails, not only how often.
 */
export function EvaluationSection() {
  const headingId = useId();
  const evaluation = useAppStore(selectShownEvaluation);
  const cell = useAppStore(selectConfusionCell);
  const chooseCell = useAppStore((state) => state.chooseConfusionCell);
  const datasetClasses = useAppStore(selectDataset)?.classes ?? CIFAR10_CLASSES;
  // A run on your own classes is scored on its held-out pictures, under its own class names.
  const own = evaluation && 'classNames' in evaluation ? (evaluation.classNames ?? null) : null;
  const classes = own ?? datasetClasses;
  const matrix = useMemo(() => (evaluation ? confusionMatrix(evaluation.labels, evaluation.predictions, classes.length) : null), [evaluation, classes.length]);
  const worst = matrix ? worstConfusion(matrix) : null;

  return (
    <section className="train-panel evaluation" aria-labelledby={headingId}>
      <h3 id={headingId}>Where the network goes wrong</h3>
      <EvaluateNowControls />
      {!evaluation || !matrix ? (
        <p className="evaluation-empty">
          After each epoch the network is tested on the validation images: its accuracy, a confusion matrix and the accuracy of each class appear here. Evaluate now scores a paused or stopped run,
          or the pretrained model, without training.
        </p>
      ) : (
        <>
          <p className="evaluation-accuracy">
            <strong className="evaluation-accuracy-line">{formatAccuracyLine(matrixAccuracy(matrix))}</strong>{' '}
            <span>
              on {own ? `${matrix.total} held-out pictures of your own` : `${imagesText(matrix.total)} from the test set`}, {evaluationWhen(evaluation)}: {matrix.correct} right, {matrix.total - matrix.correct} wrong.
            </span>
          </p>
          {worst && (
            <p className="evaluation-worst">
              Most common mistake: {imagesText(worst.count)} of {classes[worst.trueClass]} taken for {classes[worst.predictedClass]}.
            </p>
          )}
          <div className="evaluation-body">
            <ConfusionMatrix matrix={matrix} classes={classes} chosen={cell} onChoose={chooseCell} {...(own ? { item: 'a held-out picture' } : {})} />
            <ClassAccuracyBars classes={classes} accuracies={perClassAccuracy(matrix)} counts={matrix.rowTotals} />
          </div>
          {cell && <CellImages evaluation={evaluation} when={evaluationWhen(evaluation)} cell={cell} classes={classes} />}
        </>
      )}
    </section>
  );
}

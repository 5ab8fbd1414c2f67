import { useId } from 'react';
import { answerHints, topClasses } from '../../core/data/classify-hints';
import { CIFAR10_CLASSES } from '../../core/data/cifar-format';
import { classNamesOf } from '../../core/model/classifier-model';
import type { ClassifyItem } from '../../state/slices/classify-slice';
import { useAppStore } from '../../state/store';
import { PictureFigures } from './PictureFigures';
import { TopFive } from './TopFive';
import { sentence } from './classify-text';
import { WhyThisClass } from '../common/why/WhyThisClass';

const ORIGINS: Record<ClassifyItem['origin'], string> = { file: 'dropped or chosen', paste: 'pasted', camera: 'from the camera', sample: 'sample from the test set' };

/** One picture's result: the picture and its input, the top five, which model answered, and honest hints. */
export function ResultCard({ item }: { readonly item: ClassifyItem }) {
  const headingId = useId();
  const remove = useAppStore((state) => state.classifyItemRemoved);
  const { answer } = item;
  // A model of your own classes names its outputs with them (CIFAR-10's otherwise).
  const classes = answer ? classNamesOf(answer.model) : CIFAR10_CLASSES;
  const hints = answer
    ? answerHints({
        probabilities: answer.probabilities,
        classes,
        input: answer.input,
        source: answer.picture ? { width: answer.picture.width, height: answer.picture.height } : null,
        frames: answer.picture?.frames ?? null,
        jpegColour: answer.picture?.jpegColour ?? null,
        hadTransparency: answer.picture?.hadTransparency ?? false,
      })
    : [];
  // A test image's true class is a CIFAR-10 class: said only when the model answers in those.
  const truth = item.sample && !answer?.model.classNames ? CIFAR10_CLASSES[item.sample.label] : undefined;
  const best = answer ? topClasses(answer.probabilities, 1, classes)[0] : undefined;
  return (
    <article className="result-card" aria-labelledby={headingId} data-status={item.status}>
      <header className="result-card-header">
        <h4 id={headingId}>{item.name}</h4>
        <span className="result-origin">{ORIGINS[item.origin]}</span>
        <button type="button" className="result-remove" aria-label={`Remove ${item.name}`} onClick={() => remove(item.key)}>
          Remove
        </button>
      </header>
      {item.status === 'working' && (
        <p role="status" className="result-working">
          Classifying…
        </p>
      )}
      {item.status === 'failed' && (
        <p role="alert" className="result-error">
          {sentence(item.error ?? 'this picture could not be classified')}
        </p>
      )}
      {answer && (
        <div className="result-body">
          <PictureFigures item={item} />
          <div className="result-answer">
            <TopFive probabilities={answer.probabilities} pictureName={item.name} classes={classes} />
            {truth && best && (
              <p className={best.name === truth ? 'result-truth is-right' : 'result-truth is-wrong'}>
                True class: {truth} — {best.name === truth ? 'the top answer is right.' : `the top answer, ${best.name}, is wrong.`}
              </p>
            )}
            <p className="result-model" data-model-kind={answer.model.kind}>
              Answered by <strong>{answer.model.label}</strong> <span className="result-time">({Math.round(answer.totalMs)} ms)</span>
            </p>
            {hints.length > 0 && (
              <ul className="result-hints" aria-label={`Notes on ${item.name}`}>
                {hints.map((hint) => (
                  <li key={hint.text} className={`result-hint is-${hint.tone}`}>
                    {hint.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <WhyThisClass target={{ key: `classify-${item.key}`, pixels: answer.input, model: answer.model.kind, probabilities: answer.probabilities, ...(answer.model.classNames ? { classNames: answer.model.classNames } : {}) }} pictureName={item.name} />
        </div>
      )}
    </article>
  );
}

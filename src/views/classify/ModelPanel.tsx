import { useId } from 'react';
import { KerasDownload } from '../common/KerasDownload';
import {
  selectClassifyChoice,
  selectClassifyLoaded,
  selectClassifyNotice,
  selectClassifyPretrained,
  selectClassifyPretrainedError,
  selectClassifyPretrainedStatus,
  selectTrainedModelLabel,
  selectResumableRun,
} from '../../state/selectors';
import { useAppStore, type AppState } from '../../state/store';
import type { ClassifierKind } from '../../state/slices/classify-slice';
import { sentence } from './classify-text';

/**
 * Which model answers the next picture — the pretrained one shipped with the app, the one being
 * trained in the Train area, or one loaded from the library or from files — and why it changed when
 * the app switched by itself.
 */
export function ModelPanel() {
  const id = useId();
  const choice = useAppStore(selectClassifyChoice);
  const notice = useAppStore(selectClassifyNotice);
  const status = useAppStore(selectClassifyPretrainedStatus);
  const pretrained = useAppStore(selectClassifyPretrained);
  const pretrainedError = useAppStore(selectClassifyPretrainedError);
  const trainedLabel = useAppStore(selectTrainedModelLabel);
  const loaded = useAppStore(selectClassifyLoaded);
  const saved = useAppStore(selectResumableRun);
  const dismiss = useAppStore((state: AppState) => state.classifyNoticeDismissed);

  const options: { kind: ClassifierKind; title: string; detail: string; available: boolean }[] = [
    {
      kind: 'pretrained',
      title: 'Pretrained tutorial model',
      detail: pretrained?.label ?? (status === 'failed' ? 'could not be loaded' : 'loading…'),
      available: status === 'ready',
    },
    {
      kind: 'trained',
      title: 'Your model, trained here',
      detail:
        trainedLabel ??
        (saved ? `“${saved.name}” is saved after epoch ${saved.epochsDone}: press “Classify with it” in Train's run list to use it here` : 'train one in the Train area: it answers here after its first epoch'),
      available: trainedLabel !== null,
    },
    { kind: 'loaded', title: 'A loaded model', detail: loaded?.label ?? 'use one from your library below, or drop a model.json with its weights', available: loaded !== null },
  ];

  return (
    <section className="model-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Which model answers</h3>
      {notice && (
        <div className="classify-notice" role="status">
          <p>{notice}</p>
          <button type="button" onClick={dismiss}>
            OK
          </button>
        </div>
      )}
      <fieldset className="model-choices">
        <legend>Model that answers the next picture</legend>
        {options.map((option) => (
          <label key={option.kind} className={option.available ? 'model-choice' : 'model-choice is-unavailable'}>
            <input
              type="radio"
              name={`${id}-model`}
              value={option.kind}
              checked={choice === option.kind}
              disabled={!option.available}
              onChange={() => useAppStore.getState().classifyChoose(option.kind)}
            />
            <span className="model-choice-title">{option.title}</span>
            <span className="model-choice-detail">{option.detail}</span>
          </label>
        ))}
      </fieldset>
      {choice !== 'trained' && (choice === 'pretrained' ? pretrained !== null : true) && (
        <KerasDownload
          source={{ kind: 'model', model: choice }}
          settings={null}
          title={choice === 'pretrained' ? 'the pretrained tutorial model' : 'the loaded model'}
          label={`Download for Keras: the ${choice === 'pretrained' ? 'pretrained' : 'loaded'} model`}
        />
      )}
      {status === 'failed' && (
        <div role="alert" className="field-error">
          <p>The pretrained model could not be loaded: {sentence(pretrainedError ?? 'unknown reason')}</p>
          <button type="button" onClick={() => useAppStore.getState().prepareClassifier()}>
            Retry
          </button>
        </div>
      )}
    </section>
  );
}

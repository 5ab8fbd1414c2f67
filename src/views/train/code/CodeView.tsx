import { useEffect, useId, useMemo, useState } from 'react';
import { codeText, kerasLabCode, tfjsLabCode } from '../../../core/keras/keras-code';
import { kerasScript } from '../../../core/keras/keras-script';
import { selectTrainingPhase } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { CodeLines } from './CodeLines';
import { ImportPanel } from './ImportPanel';
import { useCodeLab } from './use-code-lab';
import './code-view.css';

type Tab = 'keras' | 'tfjs';

/** Phases in which a run holds the network: an import would change what it trains under it. */
const LOCKED_PHASES = ['preparing', 'running', 'pausing', 'paused', 'stopping'];

/**
 * The lab on screen as code, live: Keras 3 (exactly the lab part of the downloadable train.py) or
 * TensorFlow.js. Each line that a control sets is linked to it both ways (hover or focus). Copy, the
 * whole runnable train.py, and the way back: import a Keras snippet into the editor and settings.
 */
export function CodeView() {
  const headingId = useId();
  const tabsId = useId();
  const [tab, setTab] = useState<Tab>('keras');
  const [copied, setCopied] = useState('');
  const [importing, setImporting] = useState(false);
  const locked = LOCKED_PHASES.includes(useAppStore(selectTrainingPhase));
  const { lab, staleBecause } = useCodeLab();
  const lines = useMemo(() => (tab === 'keras' ? kerasLabCode(lab) : tfjsLabCode(lab)), [lab, tab]);
  const text = useMemo(() => codeText(lines), [lines]);
  const scriptUrl = useMemo(() => URL.createObjectURL(new Blob([kerasScript(lab, { title: 'the lab of the Train area', weightsFile: null })], { type: 'text/x-python' })), [lab]);
  useEffect(() => () => URL.revokeObjectURL(scriptUrl), [scriptUrl]);
  useEffect(() => setCopied(''), [text]);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`Copied ${lines.length} lines.`);
    } catch {
      setCopied('The browser did not allow copying: select the code and press Ctrl+C.');
    }
  };

  return (
    <section className="train-panel code-view" aria-labelledby={headingId}>
      <div className="code-view-header">
        <h3 id={headingId}>Code: this lab in Keras</h3>
        <div className="code-view-actions">
          <button type="button" onClick={() => void copy()}>
            Copy
          </button>
          <a className="button-link" href={scriptUrl} download="train.py">
            Download train.py
          </a>
          <button type="button" aria-expanded={importing} disabled={locked} onClick={() => setImporting(!importing)}>
            Import Keras code…
          </button>
        </div>
      </div>
      <p className="code-view-lead">
        The settings and network above, as the tutorial would write them — it changes as you edit. Point at a line to see which control sets
        it, or at a control to see its line. <code>train.py</code> runs this in Keras 3 on your own GPU or several: <code>python train.py --help</code>.
      </p>
      {locked && <p className="code-view-note">A run is using this network: import after it stops.</p>}
      {importing && !locked && <ImportPanel onClose={() => setImporting(false)} />}
      {staleBecause !== null && (
        <p className="code-view-note" role="status">
          Shows the last settings that could be read: {staleBecause}.
        </p>
      )}
      <div role="tablist" aria-label="Language" className="code-tabs">
        {(['keras', 'tfjs'] as const).map((name) => (
          <button key={name} type="button" role="tab" id={`${tabsId}-${name}`} aria-selected={tab === name} aria-controls={`${tabsId}-panel`} tabIndex={tab === name ? 0 : -1} onClick={() => setTab(name)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') setTab(name === 'keras' ? 'tfjs' : 'keras');
            }}
          >
            {name === 'keras' ? 'Keras 3 (Python)' : 'TensorFlow.js'}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${tab}`}>
        <CodeLines lines={lines} layers={lab.modelSpec.layers} label={tab === 'keras' ? 'Keras 3 code' : 'TensorFlow.js code'} commentStart={tab === 'keras' ? '#' : '//'} />
        {tab === 'tfjs' && <p className="code-view-note">The app trains with its own loop (uint8 batches, micro-batches, dropout masks drawn on the GPU); it computes what this <code>model.fit</code> computes.</p>}
      </div>
      <p className="visually-hidden" role="status">
        {copied}
      </p>
      {copied !== '' && <p className="code-view-copied" aria-hidden="true">{copied}</p>}
    </section>
  );
}

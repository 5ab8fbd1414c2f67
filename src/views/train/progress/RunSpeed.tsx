import { formatDuration } from '../../../core/charts/throughput';
import { selectBackendInfo, selectTrainingPhase } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import './progress.css';
import { shortRendererName } from '../../common/renderer-name';
import { useRunSpeed } from './use-run-speed';

/** "webgl · SwiftShader", "wasm · SIMD", "cpu": the backend as the run uses it. */
function backendText(info: ReturnType<typeof selectBackendInfo>): string {
  if (!info) return '—';
  const detail = info.renderer ? shortRendererName(info.renderer) : info.wasmSimd ? 'SIMD' : null;
  return detail ? `${info.backend} · ${detail}` : info.backend;
}

/** How fast the run trains, how long it still needs at that speed, and on which backend. */
export function RunSpeed() {
  const { imagesPerSecond, secondsLeft } = useRunSpeed();
  const info = useAppStore(selectBackendInfo);
  const phase = useAppStore(selectTrainingPhase);
  // Before a run and after one there is no time left to tell.
  const ended = phase === 'idle' || phase === 'finished' || phase === 'stopped' || phase === 'failed';
  return (
    <dl className="run-speed">
      <div>
        <dt>Images per second</dt>
        <dd data-testid="images-per-second">{imagesPerSecond === null ? '—' : imagesPerSecond.toFixed(imagesPerSecond < 10 ? 1 : 0)}</dd>
      </div>
      <div>
        <dt>Time left</dt>
        <dd data-testid="time-left">{ended ? '—' : secondsLeft === null ? 'measuring…' : secondsLeft < 1 ? 'a moment' : `about ${formatDuration(secondsLeft)}`}</dd>
      </div>
      <div>
        <dt>Backend</dt>
        <dd>
          {backendText(info)}
          {info && <span className="run-speed-host">{info.host === 'worker' ? 'in a Web Worker' : 'on the main thread'}</span>}
        </dd>
      </div>
    </dl>
  );
}

import { useAppStore } from '../../state/store';
import { selectBackendInfo, selectBackendProbe, selectContextLostMessage, selectEngineError, selectEngineStatus } from '../../state/selectors';
import { shortRendererName } from './renderer-name';
import { BackendChoiceDetails } from './BackendChoiceDetails';

/**
 * The status badge: which tfjs backend computes, on what renderer, where, and why.
 * "webgl · SwiftShader" on a machine without a GPU; "wasm · worker" on WebAssembly (`?backend=wasm`);
 * "cpu · main thread" when everything else failed; "measuring backends…" while the engine times each
 * backend to choose the fastest (the details say why it chose, see BackendChoiceDetails).
 */
export function BackendBadge() {
  const status = useAppStore(selectEngineStatus);
  const info = useAppStore(selectBackendInfo);
  const error = useAppStore(selectEngineError);
  const contextLost = useAppStore(selectContextLostMessage);
  const probing = useAppStore(selectBackendProbe) !== null;

  let label: string;
  if (status === 'starting') label = probing ? 'measuring backends…' : 'starting engine…';
  else if (status === 'failed' || !info) label = 'engine failed';
  else label = info.renderer ? `${info.backend} · ${shortRendererName(info.renderer)}` : `${info.backend} · ${info.host === 'worker' ? 'worker' : 'main thread'}`;

  const tone = status === 'ready' && !contextLost ? (info?.softwareRenderer || info?.backend === 'cpu' ? 'warn' : 'ok') : status === 'starting' ? 'busy' : 'bad';

  return (
    <details className={`badge badge-${tone}`}>
      {/* A summary is the disclosure's button and may not be a status itself: the live text sits inside it. */}
      <summary aria-label={`Compute backend: ${label}`}>
        <span role="status" aria-label="Compute backend" data-backend={info?.backend ?? ''} data-host={info?.host ?? ''}>
          {label}
        </span>
      </summary>
      <div className="badge-details">
        <BackendChoiceDetails />
        {error && <p role="alert">{error}</p>}
        {contextLost && <p role="alert">{contextLost} Reload the page to get a new one; nothing you made is lost.</p>}
        {info && (
          <dl>
            <dt>Backend</dt>
            <dd>{info.backend}</dd>
            <dt>Runs in</dt>
            <dd>{info.host === 'worker' ? 'a Web Worker (the page stays responsive)' : 'the main thread'}</dd>
            <dt>Path</dt>
            <dd>{info.reason}</dd>
            {info.renderer && (
              <>
                <dt>Renderer</dt>
                <dd>{info.renderer}</dd>
                <dt>WebGL</dt>
                <dd>
                  version {info.webglVersion}, max texture {info.maxTextureSize} px, float32 textures{' '}
                  {info.floatTextures ? 'yes' : 'no'}
                </dd>
              </>
            )}
            {info.wasmSimd !== null && (
              <>
                <dt>WebAssembly</dt>
                <dd>
                  SIMD {info.wasmSimd ? 'on' : 'off (slower)'}, {info.wasmThreads ?? 1} thread{info.wasmThreads === 1 ? '' : 's'}
                  {info.wasmThreadsNote ? ` (${info.wasmThreadsNote})` : ''}
                </dd>
              </>
            )}
            {info.softwareRenderer && (
              <>
                <dt>Note</dt>
                <dd>No hardware GPU was found: WebGL runs in software here, so training is slow.</dd>
              </>
            )}
            <dt>Self-test</dt>
            <dd>{info.selfTestMs.toFixed(0)} ms</dd>
          </dl>
        )}
      </div>
    </details>
  );
}

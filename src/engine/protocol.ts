/**
 * The typed vocabulary between the main thread and the engine (worker or main-thread fallback).
 * Nothing else crosses the boundary: every message is one of these unions, and every payload is
 * structured-clone friendly (plain objects, numbers, strings, typed arrays).
 */
import { DATA_COMMAND_TYPES, DATA_EVENT_TYPES, type DataCommand, type DataEvent } from './protocol-data';
import { TRAIN_COMMAND_TYPES, TRAIN_EVENT_TYPES, type TrainCommand, type TrainEvent } from './protocol-train';
import { CLASSIFY_COMMAND_TYPES, CLASSIFY_EVENT_TYPES, type ClassifyCommand, type ClassifyEvent } from './protocol-classify';
import { INSPECT_COMMAND_TYPES, INSPECT_EVENT_TYPES, type InspectCommand, type InspectEvent } from './protocol-inspect';
import { PROBE_COMMAND_TYPES, PROBE_EVENT_TYPES, type ProbeCommand, type ProbeEvent } from './protocol-probe';
import { EVALUATE_COMMAND_TYPES, EVALUATE_EVENT_TYPES, type EvaluateCommand, type EvaluateEvent } from './protocol-evaluate';
import { SALIENCY_COMMAND_TYPES, SALIENCY_EVENT_TYPES, type SaliencyCommand, type SaliencyEvent } from './protocol-saliency';
import { CLASSES_COMMAND_TYPES, CLASSES_EVENT_TYPES, type ClassesCommand, type ClassesEvent } from './protocol-classes';

/** Backends the engine knows how to start. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** Where the engine code runs. */
export type EngineHost = 'worker' | 'main-thread';

/** What the engine learned about the compute backend it started. */
export interface BackendInfo {
  /** `tf.getBackend()` after start-up and after a real kernel ran on it. */
  readonly backend: BackendName;
  /** Where the engine runs. */
  readonly host: EngineHost;
  /** Unmasked WebGL renderer string (e.g. "SwiftShader ..."), or null when not on WebGL. */
  readonly renderer: string | null;
  /** WebGL vendor string, or null when not on WebGL. */
  readonly vendor: string | null;
  /** 1 or 2 on WebGL, null otherwise. */
  readonly webglVersion: number | null;
  /** `WEBGL_MAX_TEXTURE_SIZE` in pixels, null when not on WebGL. */
  readonly maxTextureSize: number | null;
  /** Whether the GPU can render to float32 textures (`WEBGL_RENDER_FLOAT32_ENABLED`). */
  readonly floatTextures: boolean | null;
  /** On wasm: whether the SIMD build runs (`WASM_HAS_SIMD_SUPPORT`); null off wasm. */
  readonly wasmSimd: boolean | null;
  /** On wasm: threads it computes with (more than 1 only on a cross-origin isolated page); null off wasm. */
  readonly wasmThreads: number | null;
  /** On wasm with one thread: why (no cross-origin isolation, threads failed to start); null or absent otherwise. */
  readonly wasmThreadsNote?: string | null;
  /** True when the renderer is a software rasteriser (SwiftShader, llvmpipe, ...). */
  readonly softwareRenderer: boolean;
  /** Milliseconds the start-up self-test (a small conv2d) took on this backend. */
  readonly selfTestMs: number;
  /** Why this path was taken, in words for the user (e.g. "worker could not get WebGL: ..."). */
  readonly reason: string;
}

/** Commands sent to the engine. Every command carries an id echoed by the events it causes. */
export type EngineCommand =
  | {
      readonly type: 'init';
      readonly id: number;
      readonly preferredBackend: BackendName;
      /** Why this host and backend are being tried, carried into `BackendInfo.reason`. */
      readonly reason: string;
    }
  | { readonly type: 'dispose'; readonly id: number }
  | DataCommand
  | TrainCommand
  | ClassifyCommand
  | InspectCommand
  | ProbeCommand
  | EvaluateCommand
  | SaliencyCommand
  | ClassesCommand;

/** Events sent by the engine. */
export type EngineEvent =
  | { readonly type: 'ready'; readonly id: number; readonly info: BackendInfo }
  | { readonly type: 'init-failed'; readonly id: number; readonly message: string }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'webgl-context-lost'; readonly message: string }
  /** The engine itself died (a worker that failed to load or threw outside a command). */
  | { readonly type: 'fatal'; readonly message: string }
  | DataEvent
  | TrainEvent
  | ClassifyEvent
  | InspectEvent
  | ProbeEvent
  | EvaluateEvent
  | SaliencyEvent
  | ClassesEvent;

/*
 * Adding a domain (data, training, inspection, ...): write `protocol-<domain>.ts` with its command and
 * event unions and a `<DOMAIN>_COMMAND_TYPES` / `<DOMAIN>_EVENT_TYPES` list of their `type` tags, then
 * add the unions to `EngineCommand` / `EngineEvent` above and the lists to the sets below.
 */
const COMMAND_TYPES: ReadonlySet<string> = new Set<EngineCommand['type']>(['init', 'dispose', ...DATA_COMMAND_TYPES, ...TRAIN_COMMAND_TYPES, ...CLASSIFY_COMMAND_TYPES, ...INSPECT_COMMAND_TYPES, ...PROBE_COMMAND_TYPES, ...EVALUATE_COMMAND_TYPES, ...SALIENCY_COMMAND_TYPES, ...CLASSES_COMMAND_TYPES]);
const EVENT_TYPES: ReadonlySet<string> = new Set<EngineEvent['type']>(['ready', 'init-failed', 'error', 'webgl-context-lost', 'fatal', ...DATA_EVENT_TYPES, ...TRAIN_EVENT_TYPES, ...CLASSIFY_EVENT_TYPES, ...INSPECT_EVENT_TYPES, ...PROBE_EVENT_TYPES, ...EVALUATE_EVENT_TYPES, ...SALIENCY_EVENT_TYPES, ...CLASSES_EVENT_TYPES]);

/** Narrow an unknown `MessageEvent.data` to an engine command. */
export function isEngineCommand(value: unknown): value is EngineCommand {
  return isTaggedObject(value) && COMMAND_TYPES.has(value.type);
}

/** Narrow an unknown `MessageEvent.data` to an engine event. */
export function isEngineEvent(value: unknown): value is EngineEvent {
  return isTaggedObject(value) && EVENT_TYPES.has(value.type);
}

function isTaggedObject(value: unknown): value is { type: string } {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

/**
 * The probe domain of the engine protocol: time a few training steps of the tutorial model on one
 * backend, so the page can choose the fastest (src/core/backend/backend-choice.ts). A probe runs in a worker
 * of its own, which the page terminates when a phase outruns its limit, so it never slows the
 * engine that trains.
 */
import type { ProbePhase, ProbeRecord } from '../core/backend/backend-probe-rules';
import type { BackendName } from './protocol';

/** Commands of the probe domain. */
export type ProbeCommand = {
  readonly type: 'probe-backend';
  readonly id: number;
  readonly backend: BackendName;
  /** Images per step. */
  readonly batchSize: number;
  /** Stop timing once this much was timed (at least one step)… */
  readonly minTimedMs: number;
  /** …or after this many timed steps. */
  readonly maxTimedSteps: number;
};

/** Events of the probe domain. */
export type ProbeEvent =
  /** A phase began; `renderer` is known from `warm-up` on, on webgl. */
  | { readonly type: 'probe-phase'; readonly id: number; readonly phase: ProbePhase; readonly renderer: string | null }
  /** A timed step finished after `ms` milliseconds. */
  | { readonly type: 'probe-step'; readonly id: number; readonly ms: number }
  /** The probe ended by itself: measured, or the backend was unavailable. */
  | { readonly type: 'probe-result'; readonly id: number; readonly record: ProbeRecord };

/** The `type` tags of the probe commands. */
export const PROBE_COMMAND_TYPES = ['probe-backend'] as const satisfies readonly ProbeCommand['type'][];
/** The `type` tags of the probe events. */
export const PROBE_EVENT_TYPES = ['probe-phase', 'probe-step', 'probe-result'] as const satisfies readonly ProbeEvent['type'][];

/** Narrow an engine command to the probe domain. */
export function isProbeCommand(command: { readonly type: string }): command is ProbeCommand {
  return (PROBE_COMMAND_TYPES as readonly string[]).includes(command.type);
}

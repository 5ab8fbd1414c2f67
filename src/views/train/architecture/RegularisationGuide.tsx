import { useId } from 'react';
import type { ModelSpec } from '../../../core/model/model-spec';
import type { SpecAnalysis } from '../../../core/model/model-spec-validate';
import { regularisationOverview } from '../../../core/model/regularisation-overview';
import { selectHyperparameterForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';

/**
 * The tutorial's seven regularisers as a table: what each does, how to use it here, and whether this
 * network (and the early-stopping setting) uses it now — so a student sees the whole list, and the
 * summary beside it shows the parameter count as one of the levers.
 */
export function RegularisationGuide({ spec, analysis }: { readonly spec: ModelSpec; readonly analysis: SpecAnalysis }) {
  const form = useAppStore(selectHyperparameterForm);
  const headingId = useId();
  const uses = regularisationOverview(spec, analysis, { enabled: form.earlyStopping, monitor: form.monitor, patience: Number(form.patience) });
  return (
    <details className="regularisation-guide">
      <summary id={headingId}>Regularisers: fighting overfitting ({uses.filter((use) => use.usedIn !== null).length} of {uses.length} in use)</summary>
      <table aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">Regulariser</th>
            <th scope="col">What it does</th>
            <th scope="col">In this network</th>
          </tr>
        </thead>
        <tbody>
          {uses.map((use) => (
            <tr key={use.name}>
              <th scope="row">
                {use.name} <span className="regulariser-kind">({use.kind})</span>
              </th>
              <td>
                {use.what} <span className="regulariser-how">{use.how}</span>
              </td>
              <td className={use.usedIn === null ? 'regulariser-unused' : undefined}>{use.usedIn ?? 'not used'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}


/** Props of {@link ClassAccuracyBars}. */
export interface ClassAccuracyBarsProps {
  readonly classes: readonly string[];
  /** Per class, 0…1, or null when none of its images was evaluated. */
  readonly accuracies: readonly (number | null)[];
  /** Images of each class among those evaluated. */
  readonly counts: ArrayLike<number>;
}

/**
 * One bar per class: the share of its test images the network got right. Lowest first would reorder
 * the classes every epoch; they stay in their own order (CIFAR-10's, or your set's), and the weakest is
 * marked instead — unless every class scores the same.
 */
export function ClassAccuracyBars({ classes, accuracies, counts }: ClassAccuracyBarsProps) {
  const known = accuracies.filter((value): value is number => value !== null);
  const weakest = known.length > 0 ? Math.min(...known) : null;
  // When every class scores the same (all right, as a few pictures of your own often are) none is the hardest.
  const tied = known.length > 1 && known.every((value) => value === weakest);
  const hardest = tied ? [] : classes.filter((_, index) => weakest !== null && known.length > 1 && accuracies[index] === weakest);
  return (
    <div className="class-accuracy-part">
      <table className="class-accuracy">
        <caption>Accuracy per class</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Classified right</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((name, index) => {
            const accuracy = accuracies[index] ?? null;
            const isWeakest = accuracy !== null && accuracy === weakest && known.length > 1 && !tied;
            return (
              <tr key={name} className={isWeakest ? 'class-accuracy-weakest' : undefined}>
                <th scope="row">{name}</th>
                <td>
                  <span className="class-accuracy-track" aria-hidden="true">
                    <span className="class-accuracy-bar" style={{ width: `${(accuracy ?? 0) * 100}%` }} />
                  </span>
                  <span title={`of ${counts[index] ?? 0} images`}>{accuracy === null ? '—' : `${(accuracy * 100).toFixed(1)} %`}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {hardest.length > 0 && <p className="class-accuracy-note">Hardest for the network now: {hardest.join(', ')}.</p>}
    </div>
  );
}

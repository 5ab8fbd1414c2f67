/** The Learn area: step-through lessons on each idea of the tutorial. */
export function LearnArea() {
  return (
    <section aria-labelledby="learn-heading" className="area">
      <h2 id="learn-heading">Learn</h2>
      <p className="lead">
        How a convolutional network sees: a small mask slides over the picture, multiplies and adds, and
        the sums become a new picture. Each lesson plays that idea one step at a time.
      </p>
    </section>
  );
}

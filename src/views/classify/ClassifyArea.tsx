/** The Classify area: drop any image and see what the network thinks it is. */
export function ClassifyArea() {
  return (
    <section aria-labelledby="classify-heading" className="area">
      <h2 id="classify-heading">Classify</h2>
      <p className="lead">
        Drop a photo to see which of the ten CIFAR-10 classes the network thinks it shows, and how sure it
        is.
      </p>
    </section>
  );
}

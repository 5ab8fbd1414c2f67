/** The tutorial the app follows: its network, its settings and the ideas the lessons play. */
export const TUTORIAL = Object.freeze({
  title: 'Convolutional Neural Networks (CNNs) Tutorial with Python',
  authors: 'Saniya Parveez and Roberto Iriondo',
  publisher: 'Towards AI',
  date: 'January 2021',
  url: 'https://towardsai.net/p/deep-learning/convolutional-neural-networks-cnns-tutorial-with-python-417c29f0403f',
});

/**
 * One sentence naming the tutorial, with a link to it. A plain link: nothing is fetched from it
 * unless the reader follows it (the app itself never leaves its own origin).
 */
export function TutorialCredit({ lead = 'The lessons and the network follow the tutorial' }: { readonly lead?: string }) {
  return (
    <p className="tutorial-credit">
      {lead}{' '}
      <a href={TUTORIAL.url} target="_blank" rel="noreferrer">
        “{TUTORIAL.title}”
      </a>{' '}
      by {TUTORIAL.authors} ({TUTORIAL.publisher}, {TUTORIAL.date}).
    </p>
  );
}

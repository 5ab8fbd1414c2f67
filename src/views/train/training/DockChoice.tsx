import { useDockChoice } from '../../common/dock-choice';

/** The dashboard's switch for the training dock that Learn and Classify show while a run trains or after it. */
export function DockChoice() {
  const [choice, setChoice] = useDockChoice();
  return (
    <label className="dock-choice">
      <input type="checkbox" checked={choice === 'shown'} onChange={(event) => setChoice(event.target.checked ? 'shown' : 'hidden')} />
      Show this run beside the lessons and Classify
    </label>
  );
}

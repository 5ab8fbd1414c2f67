import { useAppStore } from '../../state/store';
import { selectArea } from '../../state/selectors';
import { hashForArea } from '../../state/hash-route';
import { AREAS, type Area } from '../../state/store';

const AREA_LABELS: Record<Area, string> = { learn: 'Learn', train: 'Train', classify: 'Classify' };

/** Links to the three areas; real anchors, so a link can be copied, opened in a tab, or read aloud. */
export function AreaNav() {
  const current = useAppStore(selectArea);
  return (
    <nav aria-label="Areas">
      <ul className="area-nav">
        {AREAS.map((area) => (
          <li key={area}>
            <a href={hashForArea(area)} aria-current={area === current ? 'page' : undefined}>
              {AREA_LABELS[area]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

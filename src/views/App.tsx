import { useAppStore } from '../state/store';
import { selectArea } from '../state/selectors';
import { AreaNav } from './common/AreaNav';
import { BackendBadge } from './common/BackendBadge';
import { LabLinkNotice } from './common/LabLinkNotice';
import { PresenterMode } from './common/PresenterMode';
import { MAIN_ID, SkipLink } from './common/SkipLink';
import { ThemeToggle } from './common/ThemeToggle';
import { TrainingDock } from './common/TrainingDock';
import { UpdatePrompt } from './common/UpdatePrompt';
import { LearnArea } from './learn/LearnArea';
import { TrainArea } from './train/TrainArea';
import { ClassifyArea } from './classify/ClassifyArea';

/** The app shell: title, area links, backend badge, and the open area. */
export function App() {
  const area = useAppStore(selectArea);
  return (
    <>
      <header className="app-header">
        <SkipLink />
        <h1>
          <a href="#/learn">CNN Playground</a>
        </h1>
        <AreaNav />
        <ThemeToggle />
        <BackendBadge />
      </header>
      <TrainingDock />
      <main id={MAIN_ID} tabIndex={-1}>
        <PresenterMode />
        <LabLinkNotice />
        {area === 'learn' && <LearnArea />}
        {area === 'train' && <TrainArea />}
        {area === 'classify' && <ClassifyArea />}
      </main>
      <UpdatePrompt />
    </>
  );
}

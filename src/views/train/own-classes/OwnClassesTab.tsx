import { useEffect, useId } from 'react';
import { useAppStore } from '../../../state/store';
import { ClassSetEditor } from './ClassSetEditor';
import { ClassSetPicker } from './ClassSetPicker';
import './own-classes.css';

/**
 * "Your own classes": make 2–10 classes, fill them from files, folders or the camera, see each picture
 * as the network will (32 × 32), and train a network on them — by transfer from the CIFAR-10 model or
 * from scratch. Everything is kept in this browser's storage; nothing is uploaded.
 */
export function OwnClassesTab() {
  const headingId = useId();
  const openSet = useAppStore((state) => state.openClassSet);
  const working = useAppStore((state) => state.classesWorking);
  useEffect(() => {
    void useAppStore.getState().classesRefresh();
  }, []);
  return (
    <section className="train-panel own-classes" aria-labelledby={headingId}>
      <h3 id={headingId} className="own-heading">
        Your own classes
      </h3>
      <p className="own-lead">
        Teach the network your own things: make 2 to 10 classes, give each at least 5 pictures (20 is better) from files, a folder or the camera, and train. The pictures stay in this browser — they are never uploaded.
      </p>
      <ClassSetPicker working={working} />
      {openSet && <ClassSetEditor set={openSet} onStart={(request) => useAppStore.getState().startOwnClassesRun(request)} />}
    </section>
  );
}

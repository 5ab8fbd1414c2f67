import { CopyLinkButton } from './CopyLinkButton';
import { PresenterToggle } from './PresenterMode';
import './classroom.css';

/**
 * What a teacher needs at the top right of every area (of the open lesson in Learn): Copy link — this
 * view with its network, settings and lesson examples — and the presenter-mode switch.
 */
export function ClassroomTools() {
  return (
    <div className="classroom-tools" role="group" aria-label="Share and present">
      <CopyLinkButton />
      <PresenterToggle />
    </div>
  );
}

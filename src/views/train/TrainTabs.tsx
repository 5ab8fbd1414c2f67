import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useRememberedChoice } from '../common/use-remembered-choice';
import { onTrainTabRequest } from './train-tab-request';
import { TRAIN_TABS } from './train-tabs';
import './train-tabs.css';

const TAB_IDS = TRAIN_TABS.map((tab) => tab.id);
const STORAGE_KEY = 'cnn-playground-train-tab';

/**
 * Everything under the Train dashboard, one click away: a WAI-ARIA tablist (← → Home End move between
 * tabs and open them) over one panel. Only the open tab's content is rendered, so a tab nobody looks
 * at (the network's insides, the data browser) does no work while a run trains. The open tab is
 * remembered in this browser.
 */
export function TrainTabs() {
  const baseId = useId();
  const [openId, setOpenId] = useRememberedChoice(STORAGE_KEY, TAB_IDS, TAB_IDS[0] ?? 'setup');
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const list = useRef<HTMLDivElement>(null);
  // Another part of the area may ask for a tab (a thumbnail that says "look inside the network").
  useEffect(() => onTrainTabRequest((id) => TAB_IDS.includes(id) && setOpenId(id)), [setOpenId]);

  const open = (id: string, focus: boolean) => {
    setOpenId(id);
    if (focus) tabs.current.get(id)?.focus();
    // Low on the window (the dashboard above fills the first screen): bring the tabs and their panel up.
    const top = list.current?.getBoundingClientRect().top;
    if (top !== undefined && top > window.innerHeight * 0.6) list.current?.scrollIntoView({ block: 'start' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = TRAIN_TABS.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = TRAIN_TABS[target];
    if (tab) open(tab.id, true);
  };

  return (
    <div className="train-tabs">
      <div ref={list} role="tablist" aria-label="Train sections" className="train-tablist">
        {TRAIN_TABS.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) tabs.current.set(tab.id, element);
              else tabs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab.id}`}
            aria-selected={tab.id === openId}
            aria-controls={`${baseId}-panel-${tab.id}`}
            tabIndex={tab.id === openId ? 0 : -1}
            onClick={() => open(tab.id, false)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {TRAIN_TABS.map(({ id, Panel }) => (
        <div key={id} role="tabpanel" id={`${baseId}-panel-${id}`} aria-labelledby={`${baseId}-tab-${id}`} hidden={id !== openId} className="train-tabpanel">
          {id === openId && <Panel />}
        </div>
      ))}
    </div>
  );
}

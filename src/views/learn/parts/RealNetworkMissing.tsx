import type { InternalsStatus } from '../../../state/slices/inspect-slice';
import { useAppStore } from '../../../state/store';

/** Props of {@link RealNetworkMissing}. */
export interface RealNetworkMissingProps {
  readonly status: InternalsStatus;
  /** Why there is nothing to replay (no model, an error, a network this lesson cannot replay), or null. */
  readonly message: string | null;
}

/** What lesson 9 shows until it has a picture and a network's answer for it, and how to get them. */
export function RealNetworkMissing({ status, message }: RealNetworkMissingProps) {
  if (status === 'loading') return <p className="no-picture">Asking the network what it makes of the picture…</p>;
  if (message) return <p className="no-picture">{message}</p>;
  return (
    <div className="no-picture">
      <p>
        This lesson needs a CIFAR-10 picture. Choose one in the dataset browser in <a href="#/train">Train</a>, or start here with the test
        set’s first image (3 KB, not the whole data set).
      </p>
      <button type="button" className="control-button" onClick={() => void useAppStore.getState().chooseFirstTestImage()}>
        Load CIFAR-10
      </button>
    </div>
  );
}

// The bar about the student's code rather than the machine: whether it is
// saved, Share, and Reset to the default driver.

import { ResetToDefault } from './ResetToDefault.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { ShareButton } from './ShareButton.tsx';
import './work-bar.css';

export function WorkBar() {
  return (
    <div className="work-bar" role="group" aria-label="Your code">
      <ShareButton />
      <ResetToDefault />
      <SaveStatus />
    </div>
  );
}

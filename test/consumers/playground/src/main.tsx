// The README's <Drafting> in an app, and the plain tag typed in JSX.
import { createRoot } from 'react-dom/client';
import { Drafting } from './Drafting';

export const plainTag = <credit-playground storage-key="x" ignore-hash onplayground-change={(e) => e.detail.ok} />;
// @ts-expect-error: not a property of the element
export const misspelt = <credit-playground storagekey="x" />;

createRoot(document.getElementById('root')!).render(<Drafting />);

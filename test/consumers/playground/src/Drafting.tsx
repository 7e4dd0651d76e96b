// <CreditPlayground> in a React app, type-checked and built; the app hears each edit.
// As in the README:
import { useState } from 'react';
import { CreditPlayground } from 'credit-rules/react/playground';

export function Drafting() {
  const [status, setStatus] = useState('');
  return (
    <>
      <CreditPlayground
        storageKey="my-app:draft"
        clauseLang="de"
        onPlaygroundChange={(e) => setStatus(`${e.detail.ok ? 'ok' : 'errors'}: ${e.detail.source.trim().split('\n').at(-1)}`)}
      />
      <output id="status">{status}</output>
    </>
  );
}

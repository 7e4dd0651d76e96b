// The README's React snippet, and the plain tag in JSX, type-checked.
import { useState } from 'react';
import { CreditCalculator } from 'credit-rules/react';

export function Sla({ rules }: { rules: string }) {
  const [credit, setCredit] = useState('');
  return (
    <>
      <CreditCalculator
        rules={rules}
        values={{ availability: '99.95%' }}
        panels="breakdown chart"
        onCreditChange={(e) => setCredit(e.detail.result.credit.amount)}
      />
      <output>{credit}</output>
      <credit-calculator src="/sla.credit.json" locale="de" oncredit-change={(e) => setCredit(e.detail.result.credit.amount)} oncredit-load={(e) => setCredit(e.detail.terms)} />
      {/* @ts-expect-error: not a property of the element */}
      <credit-calculator rulez="x" />
    </>
  );
}

import { useState } from 'react';
import { CreditCalculator } from 'credit-rules/react';

export function Sla({ rules }) {
  const [credit, setCredit] = useState('');
  return (
    <>
      <CreditCalculator
        rules={rules}
        values={{ availability: '99.95%' }}
        panels="breakdown chart"
        onCreditChange={(e) => setCredit(e.detail.result.credit.amount)}
      />
      <output id="credit">{credit}</output>
    </>
  );
}

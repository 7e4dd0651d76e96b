// The README's <Sla> in an app. Its inline `values` object is new on every
// render, and it re-renders on every change: what the user types must stay.
import { createRoot } from 'react-dom/client';
import { Sla } from './Sla.jsx';

const rules = `fee 890 EUR monthly "Monthly subscription"
input availability: percent "Monthly uptime" default 99.95% range 97%..100% step 0.01%
if availability < 99.5% then 25%
`;

createRoot(document.getElementById('root')).render(<Sla rules={rules} />);

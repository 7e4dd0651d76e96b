// credit-rules/vue declares the element to Vue's template type checker.
import type { GlobalComponents } from 'vue';
import 'credit-rules/vue';

type Calculator = InstanceType<GlobalComponents['credit-calculator']>;
export const props: Calculator['$props'] = { rules: 'if availability < 99.5% then 10%', locale: 'de' };
// @ts-expect-error: not a property of the element
export const wrong: Calculator['$props'] = { rulez: 'x' };

/**
 * credit-rules/vue: registers `<credit-calculator>` and declares it to Vue's
 * template type checker (`GlobalComponents`, as Vue's guide to typing custom
 * elements shows): its properties as props, its events for `@credit-change`.
 * Vue still needs `isCustomElement` in its compiler options (see README).
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { CreditCalculator } from './widget/credit-calculator.js';
import type { CreditEventMap } from './widget/events.js';

export * from './widget/credit-calculator.js';

type Props = 'rules' | 'src' | 'locale' | 'currency' | 'values' | 'compact' | 'panels' | 'chartInput' | 'program' | 'loadTimeout';

/** A custom element as Vue's templates see a component: its props and the events it emits. */
type VueCustomElement<E extends HTMLElement, Events, P extends keyof E> = new () => E & {
  $props: HTMLAttributes & Partial<Pick<E, P>> & PublicProps;
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'credit-calculator': VueCustomElement<CreditCalculator, CreditEventMap, Props>;
  }
}

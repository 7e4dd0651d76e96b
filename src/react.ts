/**
 * credit-rules/react: `<CreditCalculator>` for React, made with `@lit/react`,
 * which sets every prop as a property (objects such as `values` and `program`
 * included, in React 18 as in 19) and maps `onCreditChange`, `onCreditError`
 * and `onCreditLoad` to the element's events. Importing it registers `<credit-calculator>`, and
 * declares the plain tag to JSX for code that uses `<credit-calculator>`
 * directly (React 19 sets its properties and `oncredit-change` listeners).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CreditCalculator as CreditCalculatorElement } from './widget/credit-calculator.js';
import type { CreditChangeEvent, CreditErrorEvent, CreditLoadEvent } from './widget/events.js';

export type { CreditChangeDetail, CreditChangeEvent, CreditErrorDetail, CreditErrorEvent, CreditLoadDetail, CreditLoadEvent } from './widget/events.js';

export const CreditCalculator = createComponent({
  react: React,
  tagName: 'credit-calculator',
  elementClass: CreditCalculatorElement,
  events: {
    onCreditChange: 'credit-change' as EventName<CreditChangeEvent>,
    onCreditError: 'credit-error' as EventName<CreditErrorEvent>,
    onCreditLoad: 'credit-load' as EventName<CreditLoadEvent>,
  },
  displayName: 'CreditCalculator',
});

/** The element's public properties, as JSX attributes of the plain tag. */
type CreditCalculatorAttributes = Partial<Pick<CreditCalculatorElement,
  'rules' | 'src' | 'locale' | 'currency' | 'values' | 'compact' | 'panels' | 'chartInput' | 'program' | 'loadTimeout'>> & {
  'chart-input'?: string;
  'load-timeout'?: number;
  'oncredit-change'?: (event: CreditChangeEvent) => void;
  'oncredit-error'?: (event: CreditErrorEvent) => void;
  'oncredit-load'?: (event: CreditLoadEvent) => void;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'credit-calculator': React.DetailedHTMLProps<React.HTMLAttributes<CreditCalculatorElement>, CreditCalculatorElement> & CreditCalculatorAttributes;
    }
  }
}

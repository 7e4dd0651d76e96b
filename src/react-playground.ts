/**
 * credit-rules/react/playground: `<CreditPlayground>` for React, made with
 * `@lit/react` like `<CreditCalculator>`: props are set as properties and
 * `onPlaygroundChange` listens for the element's `playground-change`. A
 * separate entry from `credit-rules/react`, because the playground needs the
 * CodeMirror packages (optional peers) that a calculator-only app does not
 * install. Importing it registers `<credit-playground>` and
 * `<credit-calculator>`, and declares the plain tag to JSX.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CreditPlayground as CreditPlaygroundElement } from './playground/credit-playground.js';
import type { PlaygroundChangeDetail } from './playground/credit-playground.js';

export type { PlaygroundChangeDetail };
export type PlaygroundChangeEvent = CustomEvent<PlaygroundChangeDetail>;

export const CreditPlayground = createComponent({
  react: React,
  tagName: 'credit-playground',
  elementClass: CreditPlaygroundElement,
  events: { onPlaygroundChange: 'playground-change' as EventName<PlaygroundChangeEvent> },
  displayName: 'CreditPlayground',
});

/** The element's public properties, as JSX attributes of the plain tag. */
type CreditPlaygroundAttributes = Partial<Pick<CreditPlaygroundElement,
  'locale' | 'clauseLang' | 'storageKey' | 'templatesBase' | 'widgetSrc' | 'ignoreHash'>> & {
  'clause-lang'?: string;
  'storage-key'?: string;
  'templates-base'?: string;
  'widget-src'?: string;
  'ignore-hash'?: boolean;
  'onplayground-change'?: (event: PlaygroundChangeEvent) => void;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'credit-playground': React.DetailedHTMLProps<React.HTMLAttributes<CreditPlaygroundElement>, CreditPlaygroundElement> & CreditPlaygroundAttributes;
    }
  }
}

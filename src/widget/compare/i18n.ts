/**
 * The words of `<credit-compare>` in English and German; the words it shares
 * with `<credit-calculator>` (fields, totals, months) come from `../i18n.ts`.
 * Kept apart so the calculator's bundle does not carry them.
 */
import type { Lang } from '../i18n.js';

const en = {
  noPlans: 'No plans given: add child <script type="text/credit-rules" data-plan="…"> elements holding the rules or naming a src.',
  planNumber: (n: number) => `Plan ${n}`,
  planProblem: (plan: string) => `Plan ${plan}`,
  plansClash: (input: string, a: string, b: string) => `Plans ${a} and ${b} read “${input}” in different kinds or units, so they cannot be compared on the same values.`,
  plans: 'Plans side by side',
  plan: 'Plan',
  monthlyFee: 'Monthly fee',
  shareOfFee: 'Share of the fee',
  differenceTo: (plan: string) => `Difference to ${plan}`,
  samePlan: 'basis',
  notComputed: 'not computed',
  comparison: (credits: string) => `Credit per plan: ${credits}.`,
  compareChart: (label: string) => `Credit by ${label}, per plan`,
  compareChartSummary: (label: string, current: string, credits: string) => `Total credit of each plan against ${label}; at the current ${current}: ${credits}.`,
  legend: 'Plans in the chart',
  yearPerPlan: 'Contract year per plan',
  yearCompareHint: 'Every month with the values above; the caps of each plan apply across the year.',
};

export type CompareStrings = typeof en;

const de: CompareStrings = {
  noPlans: 'Keine Tarife angegeben: Kind-Elemente <script type="text/credit-rules" data-plan="…"> mit den Regeln oder einem src hinzufügen.',
  planNumber: (n) => `Tarif ${n}`,
  planProblem: (plan) => `Tarif ${plan}`,
  plansClash: (input, a, b) => `Die Tarife ${a} und ${b} lesen „${input}“ in verschiedener Art oder Einheit und lassen sich daher nicht mit denselben Werten vergleichen.`,
  plans: 'Tarife im Vergleich',
  plan: 'Tarif',
  monthlyFee: 'Monatsgebühr',
  shareOfFee: 'Anteil der Gebühr',
  differenceTo: (plan) => `Unterschied zu ${plan}`,
  samePlan: 'Basis',
  notComputed: 'nicht berechnet',
  comparison: (credits) => `Gutschrift je Tarif: ${credits}.`,
  compareChart: (label) => `Gutschrift nach ${label}, je Tarif`,
  compareChartSummary: (label, current, credits) => `Gutschrift gesamt je Tarif nach ${label}; beim aktuellen Wert ${current}: ${credits}.`,
  legend: 'Tarife im Diagramm',
  yearPerPlan: 'Vertragsjahr je Tarif',
  yearCompareHint: 'Jeder Monat mit den Werten oben; die Obergrenzen jedes Tarifs gelten über das Jahr.',
};

export const compareStrings: Record<Lang, CompareStrings> = { en, de };

/**
 * The look of `<credit-compare>` on top of the calculator's (same custom
 * properties, form, chart and year table): the table of plans, and one
 * colour and dash pattern per plan, so the curves differ by more than colour.
 * Every plan colour meets 3:1 against the surface in both schemes.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    --_plan-1: var(--_accent);
    --_plan-2: var(--credit-plan-2, #b3261e);
    --_plan-3: var(--credit-plan-3, #6a3fd0);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_plan-2: var(--credit-plan-2, #ffb4ab);
      --_plan-3: var(--credit-plan-3, #c9b6ff);
    }
  }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .plans { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
  .plans th, .plans td { text-align: end; padding: 8px 10px; border-bottom: 1px solid var(--_line); }
  .plans th:first-child { text-align: start; }
  .plans thead th { color: var(--_muted); font-weight: 600; font-size: 0.82rem; vertical-align: bottom; }
  .plans tbody th { font-weight: 650; }
  .plans .amount { font-weight: 750; font-size: 1.15rem; }
  .stale .amount { opacity: 0.55; }
  /* A table wider than the card scrolls in a region the keyboard can reach, not the section around it. */
  .scroll { overflow-x: auto; }
  .year { overflow: visible; }
  .swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-inline-end: 0.5em; vertical-align: -0.05em; background: var(--_plan-1); }
  .swatch.plan-1 { background: var(--_plan-2); }
  .swatch.plan-2 { background: var(--_plan-3); }
  .chart .curve.plan-0 { stroke: var(--_plan-1); }
  .chart .curve.plan-1 { stroke: var(--_plan-2); stroke-dasharray: 9 5; }
  .chart .curve.plan-2 { stroke: var(--_plan-3); stroke-dasharray: 2 4; }
  /* On a phone each plan is a card: its name, then each figure beside its heading. */
  @container (max-width: 520px) {
    .plans thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    .plans, .plans tbody, .plans tr { display: block; }
    .plans tr { padding: 8px 0; border-bottom: 1px solid var(--_line); }
    .plans th, .plans td { display: flex; justify-content: space-between; gap: 12px; border: 0; padding: 2px 0; }
    .plans th { justify-content: flex-start; gap: 0; }
    .plans td::before { content: attr(data-label); color: var(--_muted); font-weight: 400; font-size: 0.9rem; }
  }
  /* The shared fields side by side when there is room. */
  .form { grid-template-columns: repeat(auto-fit, minmax(min(100%, 240px), 1fr)); align-items: end; }
  .legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin-top: 8px; font-size: 0.9rem; }
  .legend li { display: flex; align-items: center; gap: 8px; }
  .legend svg { width: 28px; height: 8px; overflow: visible; }
  .legend .curve { stroke-width: 2.5; fill: none; }
  @media print {
    .scroll { overflow: visible; }
  }
`;

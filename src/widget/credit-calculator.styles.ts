/**
 * The look of `<credit-calculator>`. Only the public custom properties
 * (`--credit-*`) are meant to be set from outside; the private `--_*` ones
 * resolve them with fallbacks once, so dark mode and print can swap the
 * fallbacks without overriding what a host page chose. Every colour pair
 * used for text meets WCAG AA (4.5:1) in both schemes.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--credit-accent, #2354c4);
    --_on-accent: var(--credit-on-accent, #ffffff);
    --_font: var(--credit-font, inherit);
    --_radius: var(--credit-radius, 12px);
    --_surface: var(--credit-surface, #ffffff);
    --_text: var(--credit-text, #1b2230);
    --_muted: var(--credit-muted, #535b69);
    --_line: var(--credit-border, #d6dbe4);
    --_subtle: var(--credit-subtle, #f3f5f9);
    --_danger: var(--credit-danger, #b3261e);
    --_mark: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--credit-font-size, 1rem);
    font-weight: 400;
    line-height: 1.5;
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: clamp(14px, 3cqi, 28px);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--credit-accent, #8db1ff);
      --_on-accent: var(--credit-on-accent, #0d1424);
      --_surface: var(--credit-surface, #161a22);
      --_text: var(--credit-text, #e7eaf0);
      --_muted: var(--credit-muted, #a9b1bf);
      --_line: var(--credit-border, #343b48);
      --_subtle: var(--credit-subtle, #1f2430);
      --_danger: var(--credit-danger, #ffb4ab);
    }
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  h2, h3, p, ul, ol, dl, dd, figure, fieldset { margin: 0; padding: 0; }
  fieldset { border: 0; min-width: 0; }
  ul, ol { list-style: none; }
  button, input { font: inherit; color: inherit; letter-spacing: inherit; }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
  :focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }

  .layout { display: grid; gap: 24px; }
  .layout.first { visibility: hidden; }
  /* A long German compound ("Verfügbarkeitsgutschrift") wraps instead of widening the card on a phone. */
  .layout > * { min-width: 0; }
  @container (min-width: 700px) {
    :host(:not([compact])) .layout { grid-template-columns: minmax(260px, 5fr) 7fr; align-items: start; }
    :host(:not([compact])) .wide { grid-column: 1 / -1; }
  }
  .heading { font-size: 0.8rem; font-weight: 650; letter-spacing: 0.06em; text-transform: uppercase; color: var(--_muted); margin-bottom: 10px; }

  /* The form */
  .form { display: grid; gap: 16px; }
  /*
   * The fields in parts of fifty (partsOf), each part a block: typing into one field of a form of
   * thousands has Chromium lay out its part and the parts, where a grid of every field took 20–28 ms.
   */
  .fields { display: flex; flex-direction: column; gap: 16px; }
  .part { display: flow-root; }
  .part:empty { display: none; }
  .part > * + * { margin-top: 16px; }
  .field { display: grid; gap: 6px; }
  .field label, .switch-label { font-weight: 600; font-size: 0.95rem; }
  .control {
    display: flex; align-items: center; gap: 0;
    border: 1px solid var(--_line); border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface); overflow: hidden;
  }
  .control:focus-within { border-color: var(--_accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--_accent) 30%, transparent); }
  .control input { flex: 1; min-width: 0; border: 0; background: transparent; padding: 9px 12px; font-variant-numeric: tabular-nums; outline: none; }
  .suffix { padding: 0 12px; color: var(--_muted); font-size: 0.9rem; white-space: nowrap; }
  .field[data-invalid] .control { border-color: var(--_danger); }
  /* A list input: a row per item, with its move and remove buttons inside the box. */
  fieldset.list { border: 0; padding: 0; margin: 0; min-width: 0; display: grid; gap: 6px; }
  fieldset.list legend { padding: 0; margin-bottom: 4px; }
  .list .rows { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
  .list .icon {
    border: 0; border-left: 1px solid var(--_line); background: transparent; color: inherit;
    min-width: 2.5em; min-height: 2.5em; cursor: pointer; font: inherit;
  }
  .list .icon:disabled { opacity: 0.35; cursor: default; }
  .list .icon:focus-visible { outline: 2px solid var(--_accent); outline-offset: -2px; }
  .list > .button { justify-self: start; }
  .line > .button { margin-top: 6px; }
  .error { color: var(--_danger); font-size: 0.88rem; }
  .hint { color: var(--_muted); font-size: 0.85rem; }
  input[type='range'] { width: 100%; accent-color: var(--_accent); margin: 2px 0; }
  .switch { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
  .switch input {
    appearance: none; width: 44px; height: 26px; border-radius: 13px; margin: 0; cursor: pointer;
    background: var(--_muted); position: relative; transition: background 0.15s; flex: none;
  }
  .switch input::after {
    content: ''; position: absolute; top: 3px; left: 3px; width: 20px; height: 20px; border-radius: 50%;
    background: var(--_surface); transition: transform 0.15s;
  }
  .switch input:checked { background: var(--_accent); }
  .switch input:checked::after { transform: translateX(18px); }

  /* The result */
  .result { display: grid; gap: 20px; }
  .total {
    background: var(--_mark); border-radius: var(--_radius); padding: 18px 20px;
    display: grid; gap: 2px;
  }
  .total .amount { font-size: clamp(1.9rem, 6cqi, 2.6rem); font-weight: 750; line-height: 1.15; font-variant-numeric: tabular-nums; color: var(--_text); }
  .total .of-fee { color: var(--_muted); font-weight: 500; }
  .stale .amount { opacity: 0.55; }
  .stale-note { color: var(--_danger); font-size: 0.88rem; }
  /* A panel whose new result is being built: dimmed only if that lasts long enough to see, so quick ones never flicker. */
  [aria-busy='true'] { opacity: 0.55; transition: opacity 0.15s 0.3s; }
  .lines { display: grid; gap: 10px; }
  .line { border: 1px solid var(--_line); border-radius: calc(var(--_radius) * 0.6); padding: 10px 14px; }
  .line-head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 12px; align-items: baseline; overflow-wrap: anywhere; }
  .line-head .money { font-weight: 650; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .line[data-matched] { border-color: color-mix(in srgb, var(--_accent) 55%, var(--_line)); }
  .tiers { margin-top: 8px; display: grid; gap: 4px; }
  .tier { display: flex; justify-content: space-between; gap: 12px; padding: 4px 8px; border-radius: 6px; color: var(--_muted); font-size: 0.9rem; }
  /* A condition in words wraps, however long its labels; the amount beside it does not. */
  .tier > :first-child { min-width: 0; overflow-wrap: anywhere; }
  .tier > :last-child { flex: none; white-space: nowrap; }
  .line-head .condition { flex: 1 1 15em; }
  .tier[data-winner] { background: var(--_mark); color: var(--_text); font-weight: 600; }
  .badge { font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: var(--_accent); }
  .cut { margin-top: 6px; font-size: 0.88rem; color: var(--_danger); }
  .outputs { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; }
  .output { background: var(--_subtle); border-radius: calc(var(--_radius) * 0.6); padding: 10px 14px; }
  .output dt { color: var(--_muted); font-size: 0.85rem; }
  .output dd { font-size: 1.25rem; font-weight: 700; font-variant-numeric: tabular-nums; }
  .why ol { display: grid; gap: 4px; list-style: decimal; padding-inline-start: 1.3em; color: var(--_text); font-size: 0.93rem; }
  .why .because { display: grid; gap: 6px; color: var(--_text); }
  .why li { overflow-wrap: anywhere; }
  .why details { margin-top: 8px; }
  .why summary { cursor: pointer; width: fit-content; font-size: 0.88rem; text-decoration: underline; text-underline-offset: 3px; }
  .why details ol { margin-top: 6px; }

  /* The chart */
  .chart svg, .chart .plot-place { width: 100%; height: 200px; display: block; overflow: visible; }
  .chart .axis { stroke: var(--_line); }
  .chart .tier { stroke: var(--_line); stroke-dasharray: 3 4; }
  .chart .area { fill: var(--_mark); }
  .chart .curve { fill: none; stroke: var(--_accent); stroke-width: 2.5; vector-effect: non-scaling-stroke; }
  .chart .now { stroke: var(--_text); stroke-width: 1.5; vector-effect: non-scaling-stroke; }
  .chart .grid { stroke: var(--_line); stroke-dasharray: 2 3; }
  .plot { position: relative; }
  .plot .top { position: absolute; top: 0; left: 8px; line-height: 1; }
  .plot .top, .ticks { color: var(--_muted); font-size: 0.75rem; font-variant-numeric: tabular-nums; }
  .ticks { display: flex; justify-content: space-between; gap: 8px; margin-top: 4px; }
  .downtime { margin-top: 10px; display: grid; gap: 4px; font-size: 0.92rem; }
  .downtime ul { display: flex; flex-wrap: wrap; gap: 6px 8px; }
  .downtime li { background: var(--_subtle); border-radius: 999px; padding: 2px 10px; font-size: 0.85rem; }
  .downtime-table summary { cursor: pointer; font-size: 0.9rem; text-decoration: underline; text-underline-offset: 3px; width: fit-content; }
  .downtime-table .scroll { overflow-x: auto; }
  .downtime-table table { width: 100%; border-collapse: collapse; margin-top: 6px; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
  .downtime-table th, .downtime-table td { text-align: end; padding: 3px 8px; border-bottom: 1px solid var(--_line); white-space: nowrap; }
  .downtime-table th:first-child { text-align: start; }
  .downtime-table thead th { color: var(--_muted); font-weight: 600; }
  .downtime-table tbody th .hint { display: block; font-weight: 400; }
  .downtime-table tr[data-current] { background: var(--_mark); }

  /* Examples, share, year */
  .examples ul { display: flex; flex-wrap: wrap; gap: 8px; }
  .button {
    border: 1px solid var(--_line); background: var(--_surface); color: var(--_text);
    border-radius: 999px; padding: 6px 14px; cursor: pointer; font-size: 0.9rem;
  }
  .button:hover { border-color: var(--_accent); }
  .button.primary { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); font-weight: 600; }
  .share { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; }
  .share output { font-size: 0.88rem; color: var(--_muted); }
  .share input { flex: 1 1 240px; border: 1px solid var(--_line); border-radius: 8px; padding: 5px 10px; background: var(--_subtle); font-size: 0.85rem; }
  .year { overflow-x: auto; }
  .year table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.92rem; }
  .year th, .year td { text-align: end; padding: 5px 8px; border-bottom: 1px solid var(--_line); white-space: nowrap; }
  .year th:first-child, .year td:first-child { text-align: start; }
  /* Long labels wrap in their heading, so the table keeps to the width of its card. */
  .year thead th { color: var(--_muted); font-weight: 600; font-size: 0.82rem; white-space: normal; vertical-align: bottom; }
  .year tfoot .hint { display: block; font-weight: 400; white-space: normal; }
  .year td input[type='text'] { width: 5.5em; text-align: end; border: 1px solid var(--_line); border-radius: 6px; padding: 3px 6px; background: var(--_surface); }
  .year td input[aria-invalid='true'] { border-color: var(--_danger); }
  .year tfoot > tr > * { font-weight: 700; border-bottom: 0; }
  .year .cutcell { color: var(--_danger); }
  .year.stale tbody td:nth-of-type(-n + 3), .year.stale tfoot { opacity: 0.55; }
  .year-bar { display: flex; justify-content: space-between; align-items: center; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }

  .summary { display: none; }

  /* Problems with the rules: for the author, so precise rather than friendly. */
  .problems { border: 1px solid var(--_danger); border-radius: var(--_radius); padding: 16px 18px; display: grid; gap: 8px; }
  .problems h2 { font-size: 1.05rem; color: var(--_danger); }
  .problems li { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; }
  .problems .where { font-family: ui-monospace, monospace; color: var(--_muted); }
  .loading { color: var(--_muted); }

  @media print {
    :host { border: 0; padding: 0; color: #000; background: #fff; --_text: #000; --_muted: #333; --_surface: #fff; --_mark: #f1f1f1; }
    input[type='range'], .examples, .share, .year-bar button, .chart .downtime ul { display: none; }
    /* Only "Print summary" prints it: printing the whole page, the page has its own heading. */
    :host([data-credit-printing='this']) .summary { display: grid; gap: 4px; }
    .control { border-color: #999; }
    /* The year on paper: the whole table on the page, values as text. */
    .year { overflow: visible; }
    .year table, .year thead th { font-size: 0.66rem; }
    .year th, .year td { padding: 2px 3px; }
    .year td input[type='text'] { width: 4.2em; border: 0; padding: 0; }
    .line, .total, .output, .year tr { break-inside: avoid; }
    /*
     * "Print summary": one A4 or Letter page — values beside the result, the
     * year below, the explanation left out (its trace is for the screen).
     */
    :host([data-credit-printing='this']) { font-size: 10.5px; line-height: 1.35; }
    :host([data-credit-printing='this']) .layout { grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); gap: 12px 20px; align-items: start; }
    :host([data-credit-printing='this']) .wide { grid-column: 1 / -1; }
    :host([data-credit-printing='this']) .why, :host([data-credit-printing='this']) .field .hint { display: none; }
    :host([data-credit-printing='this']) .heading { margin-bottom: 4px; }
    :host([data-credit-printing='this']) .form, :host([data-credit-printing='this']) .fields, :host([data-credit-printing='this']) .result { gap: 6px; }
    :host([data-credit-printing='this']) .part > * + * { margin-top: 6px; }
    :host([data-credit-printing='this']) .field { grid-template-columns: minmax(0, 1fr) minmax(7em, 40%); align-items: center; gap: 2px 8px; }
    :host([data-credit-printing='this']) .field > :not(label, .control) { grid-column: 1 / -1; }
    :host([data-credit-printing='this']) .control input { padding: 2px 6px; }
    :host([data-credit-printing='this']) .total { padding: 8px 12px; }
    :host([data-credit-printing='this']) .lines, :host([data-credit-printing='this']) .tiers { gap: 2px; }
    :host([data-credit-printing='this']) .line { padding: 4px 8px; }
    /*
     * The summary shows the tier that applies, at the size of the credits' heads: every tier's
     * condition in words would push the year off the page (the chart shows where each step starts).
     */
    :host([data-credit-printing='this']) .tier { padding: 1px 6px; font-size: inherit; }
    :host([data-credit-printing='this']) .tier:not([data-winner]) { display: none; }
    :host([data-credit-printing='this']) .chart svg { height: 90px; }
    :host([data-credit-printing='this']) .year .hint, :host([data-credit-printing='this']) .downtime .hint { display: none; }
    :host([data-credit-printing='this']) .year th, :host([data-credit-printing='this']) .year td { padding: 1px 3px; line-height: 1.2; }
    :host([data-credit-printing='this']) .year td input[type='checkbox'] { width: 0.8em; height: 0.8em; margin: 0; }
  }
  @media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
`;

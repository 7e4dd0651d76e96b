/**
 * The look of `<credit-playground>`. Public custom properties (`--playground-*`)
 * fall back to the calculator's (`--credit-*`), so one theme styles both; the
 * private `--_*` ones resolve them once. Text colours meet WCAG AA in the
 * light and the dark scheme. Laptop: editor left, panes right; narrower
 * (tablet): everything stacked, editor first.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--playground-accent, var(--credit-accent, #2354c4));
    --_surface: var(--playground-surface, var(--credit-surface, #ffffff));
    --_text: var(--playground-text, var(--credit-text, #1b2230));
    --_muted: var(--playground-muted, var(--credit-muted, #535b69));
    --_line: var(--playground-border, var(--credit-border, #d6dbe4));
    --_subtle: var(--playground-subtle, var(--credit-subtle, #f3f5f9));
    --_danger: var(--playground-danger, var(--credit-danger, #b3261e));
    --_warning: var(--playground-warning, #8a5300);
    --_good: var(--playground-good, var(--credit-good, #176b3a));
    --_radius: var(--playground-radius, 10px);
    --_mono: var(--playground-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_syntax-keyword: var(--playground-syntax-keyword, #7a2199);
    --_syntax-type: var(--playground-syntax-type, #0b6a75);
    --_syntax-number: var(--playground-syntax-number, #a2410e);
    --_syntax-unit: var(--playground-syntax-unit, #7d5300);
    --_syntax-string: var(--playground-syntax-string, #1f6b1f);
    --_syntax-comment: var(--playground-syntax-comment, #5f6673);
    --_syntax-note: var(--playground-syntax-note, #1f5f7a);
    --_syntax-definition: var(--playground-syntax-definition, #1d4fb8);
    --_syntax-name: var(--playground-syntax-name, #1b2230);
    --_syntax-operator: var(--playground-syntax-operator, #4a5160);
    --_syntax-invalid: var(--playground-syntax-invalid, #b3261e);
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--playground-font, inherit);
    line-height: 1.5;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--playground-accent, var(--credit-accent, #8db1ff));
      --_surface: var(--playground-surface, var(--credit-surface, #161a22));
      --_text: var(--playground-text, var(--credit-text, #e7eaf0));
      --_muted: var(--playground-muted, var(--credit-muted, #a9b1bf));
      --_line: var(--playground-border, var(--credit-border, #343b48));
      --_subtle: var(--playground-subtle, var(--credit-subtle, #1f2430));
      --_danger: var(--playground-danger, var(--credit-danger, #ffb4ab));
      --_warning: var(--playground-warning, #f2c078);
      --_good: var(--playground-good, var(--credit-good, #7fd6a0));
      --_syntax-keyword: var(--playground-syntax-keyword, #e0a3ff);
      --_syntax-type: var(--playground-syntax-type, #7fd8e2);
      --_syntax-number: var(--playground-syntax-number, #ffb38a);
      --_syntax-unit: var(--playground-syntax-unit, #f2c078);
      --_syntax-string: var(--playground-syntax-string, #9fdc9f);
      --_syntax-comment: var(--playground-syntax-comment, #a0a8b6);
      --_syntax-note: var(--playground-syntax-note, #8fd0ee);
      --_syntax-definition: var(--playground-syntax-definition, #9dbcff);
      --_syntax-name: var(--playground-syntax-name, #e7eaf0);
      --_syntax-operator: var(--playground-syntax-operator, #c3c9d4);
      --_syntax-invalid: var(--playground-syntax-invalid, #ffb4ab);
    }
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  h2, h3, p, ul, ol, dl, dd { margin: 0; padding: 0; }
  ul, ol { list-style: none; }
  button, select, input, textarea { font: inherit; color: inherit; }
  code, pre, textarea { font-family: var(--_mono); font-size: 0.9em; }
  :focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }

  .toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding-block: 0 12px; }
  .toolbar .spacer { flex: 1; }
  .toolbar label { font-weight: 600; font-size: 0.9rem; }
  .button, select {
    border: 1px solid var(--_line); background: var(--_surface); color: var(--_text);
    border-radius: 999px; padding: 5px 14px; cursor: pointer; font-size: 0.9rem;
  }
  select { border-radius: 8px; }
  .button:hover { border-color: var(--_accent); }
  .button[aria-pressed='true'] { background: var(--_accent); color: var(--_surface); border-color: var(--_accent); }
  .status { min-height: 1.5em; font-size: 0.9rem; color: var(--_muted); margin-block-end: 8px; }
  .status input { width: 100%; margin-top: 4px; padding: 4px 8px; border: 1px solid var(--_line); border-radius: 6px; background: var(--_subtle); }

  .layout { display: grid; gap: 16px; grid-template-columns: minmax(0, 1fr); }
  .pane { border: 1px solid var(--_line); border-radius: var(--_radius); padding: 12px 14px; min-width: 0; }
  .pane > h2 { font-size: 0.95rem; font-weight: 700; margin-bottom: 8px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
  .pane > h2 .count { font-weight: 500; color: var(--_muted); font-size: 0.85rem; }
  .side { display: grid; gap: 16px; align-content: start; min-width: 0; }
  .hint { color: var(--_muted); font-size: 0.85rem; }

  .editor-pane { display: flex; flex-direction: column; }
  .editor { border: 1px solid var(--_line); border-radius: 8px; overflow: hidden; height: clamp(16rem, 45vh, 32rem); display: flex; }
  .editor > .cm-editor { flex: 1; min-width: 0; }
  .editor-pane .hint { margin-top: 6px; }

  @container (min-width: 900px) {
    .layout { grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); align-items: start; }
    .editor-pane { position: sticky; top: 8px; }
    .editor { height: calc(100vh - 11rem); min-height: 24rem; }
  }

  .problems li + li { margin-top: 4px; }
  .problem {
    display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; width: 100%; text-align: start;
    border: 1px solid transparent; border-radius: 6px; background: none; padding: 4px 6px; cursor: pointer;
  }
  .problem:hover { background: var(--_subtle); border-color: var(--_line); }
  .sev { font-weight: 700; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; }
  .sev-error { color: var(--_danger); }
  .sev-warning { color: var(--_warning); }
  .sev-info { color: var(--_muted); }
  .where { color: var(--_muted); font-size: 0.85rem; }
  .message { grid-column: 2; }
  .code { color: var(--_muted); font-size: 0.8rem; }
  .ok { color: var(--_good); }

  .stale-note {
    border-inline-start: 4px solid var(--_danger); background: var(--_subtle); color: var(--_text);
    padding: 6px 10px; border-radius: 4px; margin-bottom: 8px; font-size: 0.9rem;
  }
  .pane[data-stale] .staled { opacity: 0.6; filter: grayscale(0.6); }
  credit-calculator { --credit-radius: 8px; }

  .examples li { border-top: 1px solid var(--_line); padding: 6px 0; }
  .examples li:first-child { border-top: 0; }
  .example-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
  .verdict { font-weight: 700; font-size: 0.8rem; text-transform: uppercase; }
  .verdict.passed { color: var(--_good); }
  .verdict.failed { color: var(--_danger); }
  .link { background: none; border: 0; padding: 0; color: var(--_accent); text-decoration: underline; cursor: pointer; text-align: start; }
  .expectations { display: grid; grid-template-columns: auto auto auto; gap: 0 12px; font-size: 0.88rem; margin: 4px 0 0 1.2em; justify-content: start; }
  .expectations dt { color: var(--_muted); }
  .expectations .bad { color: var(--_danger); font-weight: 600; }

  .clause-toggle { display: inline-flex; gap: 4px; }
  .clause { display: grid; gap: 2px; font-family: Georgia, 'Times New Roman', serif; font-size: 0.95rem; }
  .clause p { white-space: pre-wrap; }

  dialog { border: 1px solid var(--_line); border-radius: var(--_radius); background: var(--_surface); color: var(--_text); width: min(48rem, 92vw); padding: 16px; }
  dialog::backdrop { background: rgb(0 0 0 / 0.4); }
  dialog h2 { font-size: 1.05rem; margin-bottom: 10px; }
  dialog h3 { font-size: 0.95rem; margin: 12px 0 4px; }
  dialog textarea { width: 100%; min-height: 9rem; padding: 8px; border: 1px solid var(--_line); border-radius: 6px; background: var(--_subtle); resize: vertical; }
  dialog .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }

  .cr-hover { padding: 6px 8px; max-width: min(28rem, 90vw); display: grid; gap: 2px; font-size: 0.88rem; }
  .cr-doc + .cr-doc, .cr-hover .cr-doc { padding: 4px 0 0; border-top: 1px solid var(--_line); margin-top: 4px; }

  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .versions .version-form { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 6px 10px; align-items: center; }
  .versions .version-form button { grid-column: 1 / -1; justify-self: start; }
  .versions input:not([type=file]) { padding: 4px 8px; border: 1px solid var(--_line); border-radius: 6px; background: var(--_surface); min-width: 0; }
  .versions h3 { font-size: 0.9rem; margin: 12px 0 4px; }
  .history li { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; border-top: 1px solid var(--_line); padding: 6px 0; }
  .history li:first-child { border-top: 0; }
  .version-name { font-weight: 600; }
  .version-draft, .history time { color: var(--_muted); font-size: 0.85rem; }
  .history .restore { margin-inline-start: auto; }
  .versions .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; }
  .versions label.button:focus-within { outline: 3px solid var(--_accent); }
  .button:disabled { opacity: 0.5; cursor: default; }

  .clause .sentence[data-linked] { cursor: default; border-radius: 4px; }
  .clause .sentence[data-linked]:hover, .clause .sentence[data-linked]:focus, .clause .sentence[data-marked] {
    background: color-mix(in srgb, var(--_warning) 22%, transparent);
  }
  .clause .gap { height: 0.4em; }

  /* Phones: every control stays reachable and the editor keeps a usable height. */
  @container (max-width: 420px) {
    .toolbar .spacer { display: none; }
    .editor { height: 60vh; }
  }
  .cr-hover code { font-weight: 600; }

  #download-docx { margin-inline-start: auto; }
  .compare-form { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin-top: 12px; }
  .compare-form select { max-width: 100%; }
  .compare > h2 .close-compare { margin-inline-start: auto; padding: 0 10px; }
  .compare h3 { font-size: 0.9rem; margin: 12px 0 4px; }
  .compare ul.terms { list-style: disc; padding-inline-start: 1.2em; display: grid; gap: 4px; }
  .compare table { border-collapse: collapse; width: 100%; font-size: 0.88rem; font-variant-numeric: tabular-nums; }
  .compare th, .compare td { border-bottom: 1px solid var(--_line); padding: 4px 6px; text-align: start; }
  .compare td.amount, .compare th.amount { text-align: end; }
  .compare td.more { color: var(--_danger); font-weight: 600; }
  .compare td.less { color: var(--_good); font-weight: 600; }
  .compare .table-scroll { overflow-x: auto; }

  /* Printing (to paper or PDF) prints the clause alone, as a contract's page. */
  @media print {
    :host { color: #000; background: #fff; container-type: normal; }
    .toolbar, .status, .editor-pane, .problems, .versions, .preview, .examples, .compare, .clause-toggle, .clause-action, .hint, .stale-note, dialog { display: none !important; }
    .layout, .side { display: block; }
    .pane[part='clause'] { border: 0; padding: 0; }
    .pane[part='clause'] > h2 { font-size: 1.2rem; }
    .pane[data-stale] .staled { opacity: 1; filter: none; }
    .clause { font-size: 11pt; line-height: 1.45; }
    .clause .sentence { break-inside: avoid; background: none !important; }
  }
`;

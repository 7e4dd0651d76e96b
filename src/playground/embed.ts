/**
 * The snippets marketing pastes into a page: the calculator with its rules
 * inline (`<script type="text/credit-rules">`, which the widget reads) or
 * from a `.credit` file next to the page. The rules go in as raw text of a
 * script element, which HTML never unescapes; the only thing that can end
 * it early is `</script` (or a `<!--` that changes how the parser reads
 * it), so such rules are offered in the file form only.
 */

export interface EmbedOptions {
  /** Where the page loads the widget's script from. */
  readonly widgetSrc: string;
  readonly locale: string;
}

export function inlineSafe(source: string): boolean {
  return !/<\/script|<!--/i.test(source);
}

export function embedInline(source: string, options: EmbedOptions): string {
  const body = source.replace(/\s+$/, '').split('\n').map((line) => (line ? `    ${line}` : '')).join('\n');
  return [
    scriptTag(options.widgetSrc),
    `<credit-calculator locale="${attr(options.locale)}">`,
    '  <script type="text/credit-rules">',
    body,
    '  </script>',
    '</credit-calculator>',
    '',
  ].join('\n');
}

export function embedSrc(file: string, options: EmbedOptions): string {
  return [scriptTag(options.widgetSrc), `<credit-calculator src="${attr(file)}" locale="${attr(options.locale)}"></credit-calculator>`, ''].join('\n');
}

function scriptTag(src: string): string {
  return `<script type="module" src="${attr(src)}"></script>`;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Printing one calculator alone: while the print dialog is open (`print()`
 * blocks), the page's other content is marked not to print. The rule is a
 * constructed style sheet, which a strict Content Security Policy allows.
 * Inside other shadow roots, the outermost host is what prints.
 */

/** Marks the element being printed (`this`) and the elements around it while the print dialog is open. */
const PRINTING = 'data-credit-printing';
/** The page's rule for printing one element alone; adopted once, it does nothing while nothing is marked. */
let printSheet: CSSStyleSheet | undefined;

export function printAlone(element: Element): void {
  let target: Element = element;
  while (target.getRootNode() instanceof ShadowRoot) target = (target.getRootNode() as ShadowRoot).host;
  const marked: Element[] = [];
  try {
    if (!printSheet) {
      printSheet = new CSSStyleSheet();
      printSheet.replaceSync(`@media print{html[${PRINTING}] body *:not([${PRINTING}],[${PRINTING}=this] *){display:none!important}}`);
    }
    if (!document.adoptedStyleSheets.includes(printSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
    for (let e: Element | null = target; e; e = e.parentElement) marked.push(e);
    marked.forEach((e) => e.setAttribute(PRINTING, e === target ? 'this' : ''));
  } catch {
    // No constructed style sheets (older browsers): the page prints as it is.
  }
  try {
    print();
  } finally {
    for (const e of marked) e.removeAttribute(PRINTING);
  }
}

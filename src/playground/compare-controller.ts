/**
 * Two versions compared, as a Lit controller: it holds the comparison the
 * Compare pane shows (both sides compiled without errors), loads
 * `<credit-compare>` the first time it is needed, hands both versions' rules
 * to that chart once the pane is rendered, and scrolls the pane into view.
 * What the pane shows is `compare-pane.ts`'s.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Comparison, Side } from './compare-pane.js';

export interface CompareHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
}

export class CompareController implements ReactiveController {
  /** The two versions the pane shows. */
  compared?: Comparison;
  /** The comparison whose rules the chart has. */
  #charted?: Comparison;

  constructor(private readonly host: CompareHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    if (this.compared === this.#charted) return;
    this.#charted = this.compared;
    showCurves(this.host.renderRoot.querySelector<HTMLElement>('.compare credit-compare'), this.compared);
  }

  /** Shows two sides compared, older first, once the chart is loaded; resolves when the pane is in view. */
  async show(before: Side, after: Side): Promise<void> {
    // The chart is <credit-compare>, loaded the first time it is needed.
    await import('../widget/compare/credit-compare.js');
    this.compared = { before, after, diffs: new Map() };
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#compare-heading')?.scrollIntoView({ block: 'nearest' });
  }

  close(): void {
    this.compared = undefined;
    this.host.requestUpdate();
  }
}

/** Hands both versions' rules to the chart, as the plans of a `<credit-compare>`. */
function showCurves(chart: HTMLElement | null | undefined, compared: Comparison | undefined): void {
  if (!chart || !compared) return;
  const scripts = [compared.before, compared.after].map((side) => {
    const script = document.createElement('script');
    script.type = 'text/credit-rules';
    script.dataset.plan = side.name;
    script.textContent = side.source;
    return script;
  });
  chart.replaceChildren(...scripts);
}

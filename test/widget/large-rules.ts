/**
 * Rules at the size the limits allow, for the tests of loading them off the
 * main thread: one block of 4,990 tiers (about 180,000 characters, far past
 * the 20,000 from which the widget compiles in a worker), whose credit for a
 * given availability is known without compiling it here.
 */

/**
 * A block whose tier `i` applies below `99.99% - i × 0.01%` and pays
 * `(i mod 50) + 1` percent of a 1,000 EUR fee; the last tier that applies
 * counts. `name` names the credit, `broken` misspells the input in the last
 * tier (an `undefined-name` error at 4993:6).
 */
export function largeRules({ name = 'Large', broken = false } = {}): string {
  const tiers = Array.from({ length: 4990 }, (_, i) => `  if ${broken && i === 4989 ? 'availabilty' : 'availability'} < ${(99.99 - i * 0.01).toFixed(2)}% then ${(i % 50) + 1}%`);
  return `fee 1000 EUR monthly
input availability: percent "Availability" default 99.85% range 0%..100%
credit "${name}" capped 50% monthly:
${tiers.join('\n')}
`;
}

/** The credit shown for the default availability (99.85%: tier 13, 14%), and for 99.5% (tier 48, 49%). */
export const DEFAULT_CREDIT = '140.00 EUR';
export const CREDIT_AT_99_5 = '490.00 EUR';

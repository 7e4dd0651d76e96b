/**
 * The customers whose contract year a batch has run, kept to find one whose
 * rows come back later in the file — in memory that does not grow with the
 * file. A customer that sorts after every customer before it is new without
 * looking it up: as text (the order of `LC_ALL=C sort`) or in natural order
 * (numbers by their value, letters without case, as databases and
 * spreadsheets sort), so a sorted file needs no memory at all. Any other
 * customer is looked up among those remembered: every customer, up to
 * REMEMBERED_CUSTOMERS of them; past that, such a customer cannot be checked.
 */

/** How many customers are remembered, and how many characters their names may take in all. */
export const REMEMBERED_CUSTOMERS = 100_000;
export const REMEMBERED_CHARACTERS = 4_000_000;

/** `check`'s answer for a customer seen before: the line its rows ended on; or that it cannot be told. */
export type Seen = number | 'cannot tell';

export class Customers {
  /** Customers and the last line of their rows, while there is room. */
  private readonly remembered = new Map<string, number>();
  private characters = 0;
  /** Whether every customer so far is in `remembered`. */
  private complete = true;
  /**
   * The greatest customer so far as text, and in natural order. Slices of the
   * input, not copies: they keep at most two chunks of it alive.
   */
  private greatestText?: string;
  private greatestNatural?: string;
  /** `after`'s last answer: `add` follows `check` for the same customer. */
  private asked?: string;
  private answer = NEITHER;

  /** Undefined for a customer not seen before; else the line its rows ended on, or 'cannot tell'. */
  check(customer: string): Seen | undefined {
    if (this.after(customer) !== NEITHER) return undefined;
    const line = this.remembered.get(customer);
    if (line !== undefined) return line;
    return this.complete ? undefined : 'cannot tell';
  }

  /** Remembers a customer whose rows ended at `line`. */
  add(customer: string, line: number): void {
    const after = this.after(customer);
    this.asked = undefined;
    if (after & AFTER_TEXT) this.greatestText = customer;
    if (after & AFTER_NATURAL) this.greatestNatural = customer;
    if (after === NEITHER && this.remembered.has(customer)) {
      this.remembered.set(customer, line);
      return;
    }
    if (!this.complete) return;
    if (this.remembered.size >= REMEMBERED_CUSTOMERS || this.characters + customer.length > REMEMBERED_CHARACTERS) {
      this.complete = false;
      return;
    }
    this.characters += customer.length;
    this.remembered.set(detached(customer), line);
  }

  /**
   * For customers read elsewhere (a worker's piece): whether each of them, in
   * turn, is new as `check` finds it. If so they are added; if not, nothing is.
   */
  admit(customers: readonly string[], lines: readonly number[]): boolean {
    const before = { text: this.greatestText, natural: this.greatestNatural, characters: this.characters, complete: this.complete };
    const added: string[] = [];
    for (let i = 0; i < customers.length; i++) {
      if (this.check(customers[i]) !== undefined) {
        for (const customer of added) this.remembered.delete(customer);
        this.greatestText = before.text;
        this.greatestNatural = before.natural;
        this.characters = before.characters;
        this.complete = before.complete;
        this.asked = undefined;
        return false;
      }
      const size = this.remembered.size;
      this.add(customers[i], lines[i]);
      if (this.remembered.size > size) added.push(customers[i]);
    }
    return true;
  }

  /** In which orders `customer` sorts after every customer so far: then it is new. */
  private after(customer: string): number {
    if (customer === this.asked) return this.answer;
    const text = this.greatestText === undefined || customer > this.greatestText;
    const natural = this.greatestNatural === undefined || compareNatural(customer, this.greatestNatural) > 0;
    this.asked = customer;
    this.answer = (text ? AFTER_TEXT : NEITHER) | (natural ? AFTER_NATURAL : NEITHER);
    return this.answer;
  }
}

const NEITHER = 0;
const AFTER_TEXT = 1;
const AFTER_NATURAL = 2;

/**
 * Natural order: runs of digits compare by their value, ASCII letters without
 * case, anything else by its code. It is a total preorder (texts that differ
 * only in case or leading zeros compare equal), which is all `greatest` needs.
 */
export function compareNatural(a: string, b: string): number {
  const lengthA = a.length;
  const lengthB = b.length;
  let i = 0;
  let j = 0;
  while (i < lengthA && j < lengthB) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      // Two numbers: without their leading zeros, the longer is greater, else the first digit that differs.
      while (i < lengthA && a.charCodeAt(i) === ZERO) i++;
      while (j < lengthB && b.charCodeAt(j) === ZERO) j++;
      let endA = i;
      let endB = j;
      while (endA < lengthA && isDigit(a.charCodeAt(endA))) endA++;
      while (endB < lengthB && isDigit(b.charCodeAt(endB))) endB++;
      if (endA - i !== endB - j) return endA - i - (endB - j);
      for (; i < endA; i++, j++) {
        const difference = a.charCodeAt(i) - b.charCodeAt(j);
        if (difference !== 0) return difference;
      }
      continue;
    }
    // A digit against anything else compares by its code: all digits sit together, between '/' and ':'.
    const difference = lower(x) - lower(y);
    if (difference !== 0) return difference;
    i++;
    j++;
  }
  return lengthA - i - (lengthB - j);
}

const ZERO = 48;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= 57;
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * A copy of a field that does not keep its whole input chunk alive: V8 cuts
 * substrings as slices that hold on to the string they came from.
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * The calculator's form as data (src/widget/form-model.ts), in Node: what a
 * person types or a page gives becomes the value the rules read, and the
 * values of the form evaluate through the public API to the credit the
 * widget shows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile, type InputInfo } from '../../src/index.js';
import {
  blocked, clearChecked, currentValues, givenField, givenValues, kept, listField, rangeMessage, reformatted, stepped, typedField, yearFields,
} from '../../src/widget/form-model.js';
import { Formats } from '../../src/widget/formats.js';

const compiled = compile(`fee 1000 EUR monthly
input availability: percent "Monthly availability" de "Monatliche Verfügbarkeit" default 99.95% range 90%..100% step 0.01%
input announced: boolean default false
input outages: list of duration default [2h]
credit "Uptime":
  if availability < 99.9% and not announced then 10%
  if availability < 99% then 25%
`);
const program = compiled.program!;
const input = (name: string): InputInfo => program.inputs.find((i) => i.name === name)!;
const en = { formats: new Formats('en', 'EUR'), downtime: false };
const de = { formats: new Formats('de', 'EUR'), downtime: false };
const asMinutes = { formats: new Formats('en', 'EUR'), downtime: true };

describe('form model: fields from what is typed or given', () => {
  it('reads a number as its language writes it, and says what to type otherwise', () => {
    assert.deepEqual(typedField(input('availability'), '99,5', de), { text: '99,5', value: '99.5' });
    assert.deepEqual(typedField(input('availability'), '99.5', en), { text: '99.5', value: '99.5' });
    assert.deepEqual(typedField(input('availability'), 'abc', de), { text: 'abc', error: 'Bitte eine Zahl eingeben, zum Beispiel 99,5.' });
  });

  it('refuses an absurdly long value before reading it', () => {
    const f = typedField(input('availability'), '9'.repeat(100_000), en);
    assert.equal(f.value, undefined);
    assert.match(f.error!, /100/);
  });

  it('shows a given value the way the language writes it, and as minutes of downtime when asked', () => {
    assert.deepEqual(givenField(input('availability'), '99.5%', de), { text: '99,5', value: '99.5' });
    assert.equal(givenField(input('availability'), '99.5', asMinutes).text, '216');
    assert.equal(typedField(input('availability'), '216', asMinutes).value, '99.5');
    assert.deepEqual(givenField(input('announced'), true, en), { text: 'true', value: 'true' });
  });

  it('writes a value anew on leaving the field, but keeps text being corrected', () => {
    assert.equal(reformatted(input('availability'), { text: '99.50', value: '99.5' }, de).text, '99,5');
    const wrong = { text: 'x', error: 'Enter a number' };
    assert.equal(reformatted(input('availability'), wrong, de), wrong);
  });

  it('reads a list as rows, each with its unit or as a number of the language', () => {
    assert.deepEqual(listField(input('outages'), ['2h', '', '1,5'], de), { text: '["2h","","1,5"]', value: '["2","1.5"]' });
    assert.match(listField(input('outages'), ['2h', 'soon'], en).error!, /Enter a number/);
  });

  it('steps with the arrow keys by the input’s step, within its range, or by a minute of downtime', () => {
    assert.equal(stepped(input('availability'), '99.95', true, en), '99.96');
    assert.equal(stepped(input('availability'), '100', true, en), '100');
    assert.equal(stepped(input('availability'), '99.5', true, asMinutes), availabilityOf(217));
  });

  it('says the allowed range in the field’s own terms', () => {
    assert.equal(rangeMessage(input('availability'), '101', en), 'Allowed: 90% to 100%.');
    assert.equal(rangeMessage(input('availability'), '99', en), undefined);
    assert.match(rangeMessage(input('availability'), '101', asMinutes)!, /^Allowed: 0\u00a0min to 4,320\u00a0min\.$/);
  });

  it('keeps what a field holds when a host mirrors the same value back', () => {
    const held = { text: '99.', value: '99' };
    assert.equal(kept(held, { text: '99', value: '99' }), held);
    assert.deepEqual(kept(held, { text: '98', value: '98' }), { text: '98', value: '98' });
  });
});

describe('form model: the values the rules read', () => {
  it('evaluates to the credit the rules give, through the public API', () => {
    const fields = {
      availability: typedField(input('availability'), '99,5', de),
      announced: givenField(input('announced'), false, de),
      outages: listField(input('outages'), ['2h'], de),
    };
    assert.equal(blocked(fields), false);
    const values = givenValues(currentValues(fields), program.inputs);
    assert.deepEqual(values, { availability: '99.5', announced: 'false', outages: ['2'] });
    const r = program.evaluate(values);
    assert.ok(r.ok);
    assert.equal(r.result.credit.amount, '100.00');
  });

  it('holds the form back while a field does not read, and clears checked messages otherwise', () => {
    const fields = { availability: { text: 'x', error: 'no' }, announced: { text: 'true', value: 'true', error: 'checked' } };
    assert.equal(blocked(fields), true);
    assert.deepEqual(clearChecked(fields), { availability: { text: 'x', error: 'no' }, announced: { text: 'true', value: 'true' } });
    const unchecked = { text: '99.5', value: '99.5' };
    assert.equal(clearChecked({ unchecked }).unchecked, unchecked, 'a field without a message stays the same object: the form draws it again only when it changes');
    const none = { unchecked, unread: { text: 'x', error: 'no' } };
    assert.equal(clearChecked(none), none, 'without such messages the fields stay the same record: a form of thousands is not copied on every key press');
  });

  it('fills a year: the periods given, the last one repeated, else the current value', () => {
    const fields = { availability: { text: '99.95', value: '99.95' } };
    const year = yearFields([input('availability')], 4, { availability: ['99', '98'] }, fields, en);
    assert.deepEqual(year.availability.map((f) => f.value), ['99', '98', '98', '98']);
    assert.deepEqual(yearFields([input('availability')], 2, {}, fields, en).availability.map((f) => f.value), ['99.95', '99.95']);
  });
});

function availabilityOf(minutes: number): string {
  return typedField(input('availability'), String(minutes), asMinutes).value!;
}

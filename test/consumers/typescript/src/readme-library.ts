declare const source: string;
// As in the README:
import { compile } from 'credit-rules';

const { diagnostics, program } = compile(source);   // mistakes are returned, never thrown
if (program) {
  program.inputs;                                   // labels, kinds, defaults, ranges, steps: a form
  const evaluation = program.evaluate({ availability: '99.2%', fee: '1000 EUR' }, { lang: 'de' });
  if (evaluation.ok) evaluation.result.credit;      // { amount: '100.00', percentOfFee: '10' }
  program.evaluate({ availability: ['94%', '99%', '99.9%'] });  // a contract-year run
  program.credit({ availability: 99.2, fee: 1000 }); // the credit alone, fast: billing's call
  program.runExamples();                            // the `example` lines as tests
  program.render('de');                             // the clause text, in German
  JSON.stringify(program.toJSON());                 // precompiled; loadProgram(json) needs no parser
}

// The README's library snippet, type-checked as a consumer compiles it.
import { compile, type Diagnostic } from 'credit-rules';
import { loadProgram, type PrecompiledProgram } from 'credit-rules/runtime';

declare const source: string;

const { diagnostics, program } = compile(source); // mistakes are returned, never thrown
const problems: readonly Diagnostic[] = diagnostics;
if (program) {
  const evaluation = program.evaluate({ availability: '99.2%', fee: '1000 EUR' }, { lang: 'de' });
  if (evaluation.ok) {
    const amount: string = evaluation.result.credit.amount;
    console.log(amount, problems.length);
  }
  const json: PrecompiledProgram = program.toJSON();
  console.log(loadProgram(json).program?.inputs.length);
}

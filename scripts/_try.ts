import { analyze } from '../src/language/analyze.js';
const src = process.argv[2] ?? `if availability < 99.5% then 10% capped 20% yearly\n`;
const a = analyze(src);
console.log(JSON.stringify(a.problems.map(p=>[p.severity,p.code,p.message,p.span])), a.program ? JSON.stringify(a.program.inputs.map(i=>[i.name,i.kind])) : 'no program');

// A server render (Next.js, Remix, Astro …) imports the playground's modules,
// with the editor packages installed: importing must not throw.
await import('credit-rules/playground');
const { CreditPlayground } = await import('credit-rules/react/playground');
if (typeof CreditPlayground !== 'object' && typeof CreditPlayground !== 'function') throw new Error('no <CreditPlayground>');
console.log('server import: ok');

import vue from '@vitejs/plugin-vue';

// Vue must leave <credit-calculator> to the browser, as the README says.
export default { plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'credit-calculator' } } })] };

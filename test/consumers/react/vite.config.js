// JSX through Vite's own transform (React's automatic runtime): no plugin needed to build.
export default { oxc: { jsx: { runtime: 'automatic' } } };

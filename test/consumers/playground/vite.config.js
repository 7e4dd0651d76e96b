// Two pages: the playground as the README's plain import, and in a React app.
// JSX through Vite's own transform (React's automatic runtime): no plugin needed to build.
export default {
  oxc: { jsx: { runtime: 'automatic' } },
  build: { rolldownOptions: { input: { plain: 'index.html', react: 'react.html' } } },
};

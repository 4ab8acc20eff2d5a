// plotly.js-dist-min is the prebuilt bundle of plotly.js: same API, typed by @types/plotly.js.
declare module 'plotly.js-dist-min' {
  import type * as Plotly from 'plotly.js';
  const plotly: typeof Plotly;
  export default plotly;
}

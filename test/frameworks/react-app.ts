/**
 * What a React app imports, for the browser tests: bundled with React 19 or 18 by react-bundles.mjs and served as
 * /__react/19.js and /__react/18.js (see loadReact in react.test.ts). Written with React 19's types; the API used
 * is the same in 18.
 */
import * as React from 'react';

export { React };
export { flushSync } from 'react-dom';
export { createRoot } from 'react-dom/client';
export { DateLine } from '../../src/frameworks/react.js';

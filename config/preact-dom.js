// The mini-program's `react-dom` under Preact. Taro's mini-program runtime mounts the app with
// `ReactDOM.createRoot` when React's version says 18, and preact/compat says 18.3.1 but keeps `createRoot` in
// preact/compat/client; this gives Taro both (H5 already imports react-dom/client).
import ReactDOM from 'preact/compat'
import { createRoot, hydrateRoot } from 'preact/compat/client'

export * from 'preact/compat'
export { createRoot, hydrateRoot }
export default Object.assign({}, ReactDOM, { createRoot, hydrateRoot })

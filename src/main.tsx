import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { EmbedApp } from './app/embed/EmbedApp.tsx';
import { installPageSwitch, pageForHash } from './app/embed/page-switch.ts';
import { installRefusalToasts } from './app/teacher/refusal-toasts.ts';
import { registerServiceWorker } from './app/offline/register-sw.ts';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
installRefusalToasts();
// The embed widget is a page of its own: no editor, no autosave over the lab's network.
const page = pageForHash(window.location.hash);
const root = createRoot(container);
// Registered before the app's own hash listeners: a hash that asks for the other page
// unmounts this one (the lab's pending autosave is flushed) and reloads (page-switch.ts).
installPageSwitch(page, window, () => root.unmount());
root.render(<StrictMode>{page === 'embed' ? <EmbedApp /> : <App />}</StrictMode>);

registerServiceWorker();

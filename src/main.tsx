import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { EmbedApp } from './app/embed/EmbedApp.tsx';
import { installRefusalToasts } from './app/teacher/refusal-toasts.ts';
import { isEmbedHash } from './store/persistence/share-url.ts';
import { registerServiceWorker } from './app/offline/register-sw.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
installRefusalToasts();
// The embed widget is a page of its own: no editor, no autosave over the lab's network.
const embed = isEmbedHash(window.location.hash);
createRoot(root).render(<StrictMode>{embed ? <EmbedApp /> : <App />}</StrictMode>);

registerServiceWorker();

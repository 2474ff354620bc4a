import { mount } from 'svelte';
import './styles/app.css';
import App from './App.svelte';
import { startRouter } from './lib/router.svelte.js';
import { loadSession } from './lib/session.svelte.js';
import { locale } from './lib/i18n.svelte.js';

document.documentElement.lang = locale.lang;
startRouter();
loadSession();
mount(App, { target: document.getElementById('app') });

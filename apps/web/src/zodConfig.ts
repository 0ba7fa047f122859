import { config } from 'zod';

/**
 * The shared package defines its API schemas with zod, and zod probes `new Function('')` to decide
 * whether it may compile fast parsers. Under the app's CSP (no 'unsafe-eval') that probe is a CSP
 * violation; the web never needs the compiled parsers, so turn the probe off before any schema is
 * built. Imported first in main.tsx for that reason.
 */
config({ jitless: true });

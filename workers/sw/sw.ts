/**
 * The service worker entry: Weft's offline support, served at /sw.js (scope '/').
 * May import: lib/pwa and lib/core only. Never React, Next.js or components.
 * Built by scripts/build-sw.mjs after `next build`, which lists the build's files, hashes them
 * and inlines the result as `__WEFT_PRECACHE__`; not built by scripts/build-workers.mjs.
 */
import { type PrecacheManifest, serveServiceWorker, type ServiceWorkerScope } from '../../lib/pwa';

declare const __WEFT_PRECACHE__: PrecacheManifest;

serveServiceWorker(self as unknown as ServiceWorkerScope, __WEFT_PRECACHE__);

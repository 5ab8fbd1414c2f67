/**
 * The app's Content-Security-Policy: nothing may be fetched from, or sent to, any origin but the app's
 * own — from the page or from the engine's worker, where untrusted pictures and model files are parsed.
 *
 * A `<meta>` policy covers the document only; a worker takes the policy delivered with its own script.
 * So the policies are sent as response headers — by `npm start` and `npm run preview` (the plugin
 * below) and by static hosts that read `public/_headers` — the page's with every document, the
 * worker's with the worker script. The built `index.html` keeps the page policy as a `<meta>` too, for
 * hosts that send no headers at all (there the worker is unprotected: the README says so).
 */
import type { Connect, Plugin } from 'vite';

/** The page: scripts, styles and connections from its own origin only; no `<base>`, no form posts, no plugins, framed only by itself. */
export const PAGE_POLICY_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * The engine worker: it needs its own origin's scripts and files (tfjs chunks, wasm binaries, CIFAR-10,
 * the pretrained model), WebAssembly compilation, and `blob:` for the pthread workers tfjs's threaded
 * wasm build starts (their script is a Blob; they inherit this policy). Nothing else: no images,
 * styles or frames, and `connect-src 'self'` refuses a `fetch` to any other origin before it is made.
 */
export const WORKER_POLICY_DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** Only a header can say who may frame the page (a `<meta>` policy ignores `frame-ancestors`). */
const HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'self'"];

/** The page policy as the built `index.html` carries it in a `<meta>` tag. */
export const PAGE_POLICY_META = PAGE_POLICY_DIRECTIVES.join('; ');
/** The page policy as a response header. */
export const PAGE_POLICY_HEADER = [...PAGE_POLICY_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES].join('; ');
/** The worker policy as a response header. */
export const WORKER_POLICY_HEADER = WORKER_POLICY_DIRECTIVES.join('; ');

/** True for the request of the engine worker's script: built (`assets/engine.worker-<hash>.js`) or in dev (`src/engine/engine.worker.ts`). */
export function isWorkerScriptPath(pathname: string): boolean {
  return /\/engine\.worker[^/]*\.(js|ts)$/.test(pathname);
}

/** The policy header for a response to `pathname`: the worker's for its script, the page's for everything else. */
export function policyFor(pathname: string): string {
  return isWorkerScriptPath(pathname) ? WORKER_POLICY_HEADER : PAGE_POLICY_HEADER;
}

/** Connect middleware setting the policy header on every response by its path. */
function policyMiddleware(): Connect.NextHandleFunction {
  return (request, response, next) => {
    response.setHeader('Content-Security-Policy', policyFor(new URL(request.url ?? '/', 'http://localhost').pathname));
    next();
  };
}

/**
 * The policy everywhere the app is served from here: a header on every response of `npm start` and of
 * `npm run preview`, and a `<meta>` in the built `index.html`. The dev page runs under the very same
 * policy: Vite 8 with the React plugin serves it without inline scripts.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  // Vitest's browser mode (the GPU-kernel tests) runs its own pages on a dev server: not the app's.
  const underVitest = process.env.VITEST !== undefined;
  return {
    name: 'cnn-playground:csp',
    configureServer(server) {
      if (!underVitest) server.middlewares.use(policyMiddleware());
    },
    configurePreviewServer(server) {
      server.middlewares.use(policyMiddleware());
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        context.server
          ? []
          : [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGE_POLICY_META }, injectTo: 'head-prepend' }],
    },
  };
}

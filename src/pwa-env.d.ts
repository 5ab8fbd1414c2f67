// The service worker's registration hook (vite-plugin-pwa's virtual module, used by views/common/UpdatePrompt.tsx).
/// <reference types="vite-plugin-pwa/react" />

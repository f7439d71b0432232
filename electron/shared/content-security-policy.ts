// The Content-Security-Policy of the renderer, the same in both faces (Electron's app:// protocol
// and the localhost server). antd's CSS-in-JS needs inline styles; nothing needs eval or a
// remote origin, so neither is allowed.

export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

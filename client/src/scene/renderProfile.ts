// How to configure the renderer for the machine at hand. A software WebGL renderer
// (SwiftShader, which Chrome falls back to on a blocklisted GPU and headless Chromium
// always uses; Mesa's llvmpipe) shades every pixel on the CPU: there multisampling and
// bilinear filtering cost more than they bring, and so does multi-texture batching.
// Measured here with SwiftShader (scripts/benchClient.ts): MSAA off ×3 fps, nearest
// filtering +35%, one texture per batch +17%; together 17 → 45 fps without tokens and
// 6 → 18 fps with 2,000. On a real GPU none of these costs matter, so they stay on.

export interface RenderProfile {
  software: boolean;
  /** Multisampled drawing buffer (smooth edges on Graphics). */
  antialiasGL: boolean;
  /** Bilinear texture filtering; every texture here is drawn 1:1, so nearest is exact. */
  antialias: boolean;
  /** Textures per batch (-1: as many as the GPU has). */
  maxTextures: number;
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software rasterizer|microsoft basic render/i;

export function isSoftwareRenderer(rendererName: string): boolean {
  return SOFTWARE_RENDERERS.test(rendererName);
}

export function profileFor(software: boolean): RenderProfile {
  return software ? { software, antialiasGL: false, antialias: false, maxTextures: 1 } : { software, antialiasGL: true, antialias: true, maxTextures: -1 };
}

/**
 * Asks a throwaway WebGL context which renderer the browser will give Phaser; undefined
 * when the browser has no WebGL at all.
 */
export function detectRenderProfile(): RenderProfile | undefined {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
    if (!gl) return undefined;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const name = `${gl.getParameter(gl.RENDERER)} ${info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : ""}`;
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return profileFor(isSoftwareRenderer(name));
  } catch {
    return profileFor(false);
  }
}

export type RendererChoice = "auto" | "webgl" | "canvas";

/**
 * The Phaser renderer for a machine: WebGL only where a GPU draws it. `software` is
 * undefined when the browser has no WebGL at all.
 */
export function rendererFor(choice: RendererChoice | undefined, software: boolean | undefined): "webgl" | "canvas" {
  if (choice === "webgl" || choice === "canvas") return choice;
  return software === false ? "webgl" : "canvas";
}

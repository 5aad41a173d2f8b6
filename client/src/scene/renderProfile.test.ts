import { describe, expect, it } from "vitest";
import { isSoftwareRenderer, profileFor, rendererFor } from "./renderProfile.js";

describe("render profile", () => {
  it("recognises software WebGL renderers", () => {
    expect(isSoftwareRenderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)")).toBe(true);
    expect(isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe(true);
    expect(isSoftwareRenderer("ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)")).toBe(false);
    expect(isSoftwareRenderer("ANGLE (NVIDIA, NVIDIA GeForce GTX 1650 Direct3D11 vs_5_0 ps_5_0, D3D11)")).toBe(false);
  });

  it("turns off multisampling, filtering and multi-texture batches only in software", () => {
    expect(profileFor(true)).toMatchObject({ antialiasGL: false, antialias: false, maxTextures: 1 });
    expect(profileFor(false)).toMatchObject({ antialiasGL: true, antialias: true, maxTextures: -1 });
  });

  it("draws with WebGL only on a GPU, unless told", () => {
    expect(rendererFor("auto", false)).toBe("webgl");
    expect(rendererFor(undefined, true)).toBe("canvas");
    expect(rendererFor("auto", undefined)).toBe("canvas");
    expect(rendererFor("webgl", true)).toBe("webgl");
    expect(rendererFor("canvas", false)).toBe("canvas");
  });
});

import { describe, expect, it } from "vitest";
import { joinAddress } from "./joinAddress.js";

describe("joinAddress", () => {
  it("shows host:port without the scheme, the slash or the query, and the code apart", () => {
    expect(joinAddress("http://192.168.0.12:34521/?code=ABC234", "ABC234", "http://localhost:5173")).toEqual({
      address: "192.168.0.12:34521",
      code: "ABC234",
      url: "http://192.168.0.12:34521/?code=ABC234",
    });
  });

  it("keeps a PUBLIC_URL's path, and is as short as the URL lets it be", () => {
    expect(joinAddress("https://aula.example.org/?code=XYZ789", "XYZ789", "").address).toBe("aula.example.org");
    expect(joinAddress("https://example.org/eo/?code=XYZ789", "XYZ789", "").address).toBe("example.org/eo");
  });

  it("falls back to this page's origin before the room's welcome", () => {
    const a = joinAddress("", "QWE345", "http://10.0.0.5:2567");
    expect(a.address).toBe("10.0.0.5:2567");
    expect(a.url).toBe("http://10.0.0.5:2567/?code=QWE345");
  });
});

// The join address as a class reads it off the wall: the server's host and port (or the
// PUBLIC_URL's host and path) without the scheme, in one unbroken piece, and the room code
// apart. The QR code keeps the whole URL, code included.

export interface JoinAddress {
  /** "192.168.0.12:2567" or "aula.example.org": what a student types. */
  address: string;
  code: string;
  /** The whole join URL, for the QR code. */
  url: string;
}

export function joinAddress(joinUrl: string, roomCode: string, origin: string): JoinAddress {
  const whole = joinUrl || `${origin}/?code=${roomCode}`;
  try {
    const url = new URL(whole);
    const path = url.pathname.replace(/\/+$/, "");
    return { address: `${url.host}${path}`, code: url.searchParams.get("code") ?? roomCode, url: whole };
  } catch {
    return { address: whole.replace(/^[a-z]+:\/\//i, "").replace(/[/?].*$/, ""), code: roomCode, url: whole };
  }
}

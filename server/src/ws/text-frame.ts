/**
 * One unmasked, unfragmented WebSocket text frame (RFC 6455 §5.2), built once per broadcast and
 * written as-is to every viewer's socket: a cue to 10,000 viewers is then 10,000 plain socket
 * writes instead of 10,000 trips through the WebSocket library's sender.
 */
export function encodeTextFrame(payload: Buffer): Buffer {
  const n = payload.length;
  const headerLength = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + n);
  frame[0] = 0x81; // FIN + text opcode
  if (n < 126) frame[1] = n;
  else if (n < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  payload.copy(frame, headerLength);
  return frame;
}

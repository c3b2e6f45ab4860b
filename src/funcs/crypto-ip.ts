// Go's net.ParseIP, for the IP SANs of Sprig's certificates: dotted IPv4 (no leading zeros, as Go 1.17+) and
// IPv6 with `::` and an embedded IPv4 tail; no zones. Returns the address as a certificate encodes it: 4 bytes
// when it is IPv4 or IPv4-mapped (net.IP.To4), else 16.

function parseV4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseV6(s: string): number[] | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (text: string): number[] | undefined => {
    if (text === '') return [];
    const out: number[] = [];
    const parts = text.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseV4(p);
        if (v4 === undefined) return undefined;
        out.push(...v4);
        continue;
      }
      if (!/^[0-9A-Fa-f]{1,4}$/.test(p)) return undefined;
      const n = Number.parseInt(p, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  // An embedded IPv4 address can only end the whole address.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  const fill = 16 - head.length - tail.length;
  // `::` stands for at least one zero group.
  if (fill < 2) return undefined;
  return [...head, ...new Array<number>(fill).fill(0), ...tail];
}

export function parseIP(s: string): Uint8Array | undefined {
  const v4 = parseV4(s);
  if (v4 !== undefined) return Uint8Array.from(v4);
  const v6 = parseV6(s);
  if (v6 === undefined) return undefined;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return Uint8Array.from(mapped ? v6.slice(12) : v6);
}

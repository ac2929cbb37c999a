// Independent BN254 oracle for the classical tests: one operation per line on stdin, one answer per line
// on stdout, using @noble/curves' bn254. Points use the EIP-196/197 encodings (G1: x ‖ y, 64 bytes;
// G2: x.im ‖ x.re ‖ y.im ‖ y.re, 128 bytes; all zeros for the point at infinity).
//   g1add <p> <q>   g1mul <scalar hex> <p>   g2add <p> <q>   g2mul <scalar hex> <p>
//   pair <g1> <g2>  -> the twelve Fp coefficients of e(P, Q), c0.c0.c0 first, joined by ','
'use strict';
const { bn254 } = require('@noble/curves/bn254');
const readline = require('readline');

const G1 = bn254.G1.ProjectivePoint;
const G2 = bn254.G2.ProjectivePoint;
const Fp2 = bn254.fields.Fp2;
const r = bn254.fields.Fr.ORDER;

const word = (hex, i) => BigInt('0x' + hex.slice(64 * i, 64 * (i + 1)));
const fp = (v) => v.toString(16).padStart(64, '0');
const isZero = (hex) => /^0*$/.test(hex);

function g1(hex) {
  if (isZero(hex)) return G1.ZERO;
  const p = G1.fromAffine({ x: word(hex, 0), y: word(hex, 1) });
  p.assertValidity();
  return p;
}

function g2(hex) {
  if (isZero(hex)) return G2.ZERO;
  const p = G2.fromAffine({
    x: Fp2.fromBigTuple([word(hex, 1), word(hex, 0)]),
    y: Fp2.fromBigTuple([word(hex, 3), word(hex, 2)]),
  });
  p.assertValidity();
  return p;
}

function encode1(p) {
  if (p.equals(G1.ZERO)) return '0'.repeat(128);
  const a = p.toAffine();
  return fp(a.x) + fp(a.y);
}

function encode2(p) {
  if (p.equals(G2.ZERO)) return '0'.repeat(256);
  const a = p.toAffine();
  return fp(a.x.c1) + fp(a.x.c0) + fp(a.y.c1) + fp(a.y.c0);
}

const mod = (hex) => BigInt('0x' + hex) % r;

function answer(line) {
  const [op, a, b] = line.trim().split(/\s+/);
  switch (op) {
    case 'g1add': return encode1(g1(a).add(g1(b)));
    case 'g1mul': { const k = mod(a); return k === 0n ? encode1(G1.ZERO) : encode1(g1(b).multiply(k)); }
    case 'g2add': return encode2(g2(a).add(g2(b)));
    case 'g2mul': { const k = mod(a); return k === 0n ? encode2(G2.ZERO) : encode2(g2(b).multiply(k)); }
    case 'pair': {
      const e = bn254.pairing(g1(a), g2(b));
      const out = [];
      for (const c6 of [e.c0, e.c1]) for (const c2 of [c6.c0, c6.c1, c6.c2]) out.push(fp(c2.c0), fp(c2.c1));
      return out.join(',');
    }
    default:
      throw new Error('unknown operation: ' + op);
  }
}

const lines = [];
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim().length > 0) lines.push(answer(line));
}).on('close', () => {
  process.stdout.write(lines.join('\n') + '\n');
});

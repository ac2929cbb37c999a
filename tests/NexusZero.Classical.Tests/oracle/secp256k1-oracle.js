// Independent secp256k1 oracle for the classical tests: reads one operation per line on stdin and
// answers one line per operation on stdout, using @noble/curves.
//   mul <scalar hex, big-endian> <point hex, SEC1 compressed>   -> compressed k·P, or "identity"
//   base <scalar hex>                                           -> compressed k·G, or "identity"
//   add <point hex> <point hex>                                 -> compressed P+Q, or "identity"
//   decode <hex>                                                -> compressed point, or "invalid"
'use strict';
const { secp256k1 } = require('@noble/curves/secp256k1');
const readline = require('readline');

const Point = secp256k1.ProjectivePoint;
const n = secp256k1.CURVE.n;

function encode(point) {
  return point.equals(Point.ZERO) ? 'identity' : point.toHex(true);
}

function scalar(hex) {
  return BigInt('0x' + hex) % n;
}

function answer(line) {
  const [op, a, b] = line.trim().split(/\s+/);
  switch (op) {
    case 'mul': {
      const k = scalar(a);
      return k === 0n ? 'identity' : encode(Point.fromHex(b).multiply(k));
    }
    case 'base': {
      const k = scalar(a);
      return k === 0n ? 'identity' : encode(Point.BASE.multiply(k));
    }
    case 'add':
      return encode(Point.fromHex(a).add(Point.fromHex(b)));
    case 'decode':
      try {
        if (a.length !== 66) return 'invalid';
        const p = Point.fromHex(a);
        p.assertValidity();
        return encode(p);
      } catch {
        return 'invalid';
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

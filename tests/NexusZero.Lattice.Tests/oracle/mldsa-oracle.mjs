// ML-DSA oracle for the lattice tests: reads a JSON array of requests on stdin, answers a JSON array
// on stdout, using @noble/post-quantum (an implementation independent of NexusZero).
// Requests (all byte strings hex):
//   { "op": "keygen", "scheme": "ml-dsa-65", "seed": "..." }                 -> { "publicKey", "secretKey" }
//   { "op": "sign", "scheme", "secretKey", "message", "context", "rnd"? }     -> { "signature" }  (no rnd: deterministic)
//   { "op": "verify", "scheme", "publicKey", "message", "signature", "context" } -> { "valid" }
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';

const schemes = { 'ml-dsa-44': ml_dsa44, 'ml-dsa-65': ml_dsa65, 'ml-dsa-87': ml_dsa87 };
const fromHex = (hex) => Uint8Array.from(Buffer.from(hex ?? '', 'hex'));
const toHex = (bytes) => Buffer.from(bytes).toString('hex');

function answer(request) {
  const scheme = schemes[request.scheme];
  if (!scheme) throw new Error(`unknown scheme ${request.scheme}`);
  switch (request.op) {
    case 'keygen': {
      const { publicKey, secretKey } = scheme.keygen(fromHex(request.seed));
      return { publicKey: toHex(publicKey), secretKey: toHex(secretKey) };
    }
    case 'sign': {
      const extraEntropy = request.rnd ? fromHex(request.rnd) : false;
      const signature = scheme.sign(fromHex(request.message), fromHex(request.secretKey), {
        context: fromHex(request.context),
        extraEntropy,
      });
      return { signature: toHex(signature) };
    }
    case 'verify': {
      let valid;
      try {
        valid = scheme.verify(fromHex(request.signature), fromHex(request.message), fromHex(request.publicKey), {
          context: fromHex(request.context),
        });
      } catch {
        valid = false;
      }
      return { valid };
    }
    default:
      throw new Error(`unknown op ${request.op}`);
  }
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const requests = JSON.parse(Buffer.concat(chunks).toString('utf8'));
process.stdout.write(JSON.stringify(requests.map(answer)));

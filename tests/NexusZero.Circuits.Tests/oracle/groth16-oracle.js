// snarkjs as an independent Groth16 implementation for the circuit tests.
//   node groth16-oracle.js snarkjs-prove <dir> <circuit.circom> <input.json> [power] [O0|O1|O2]
//       compiles the circuit with circom2 (WebAssembly; circom's simplification level, default O1), runs a
//       small Powers of Tau (2^power, default 2^8)
//       and a phase-2 setup, computes the witness with the circom-made wasm, proves, and writes
//       verification_key.json, proof.json, public.json, circuit.r1cs, witness.wtns, circuit.zkey (one phase-2
//       contribution) and pot.ptau (prepared for phase 2) into <dir>.
//   node groth16-oracle.js circom-witness <dir> <circuit.circom> <input.json> [O0|O1|O2]
//       compiles with circom2 and computes the witness only (no setup): writes circuit.r1cs and witness.wtns.
//   Circuits may include circomlib's templates by name (include "poseidon.circom"): circom2 gets
//   -l node_modules/circomlib/circuits.
//   node groth16-oracle.js new-zkey <circuit.r1cs> <pot.ptau> <out.zkey>      snarkjs groth16 setup (initial key)
//   node groth16-oracle.js zkey-verify <circuit.r1cs> <pot.ptau> <k.zkey>     prints "true" or "false"
//   node groth16-oracle.js zkey-contribute <in.zkey> <out.zkey>               one phase-2 contribution
//   node groth16-oracle.js poseidon <inputs.json>      circomlibjs's Poseidon (reference), one digest per line
//   node groth16-oracle.js compressed <k>…        ffjavascript's compressed [k]G1 and [k]G2, hex, one line per k
//   node groth16-oracle.js verify <verification_key.json> <public.json> <proof.json>
//       prints "true" or "false" (snarkjs groth16 verify, in process).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const snarkjs = require('snarkjs');

const quiet = { debug() {}, info() {}, warn() {}, error: console.error };

// circom2 resolves paths against this folder (its WASI preopens), so the include path is relative to it.
function compile(dir, circuit, simplification = 'O1') {
  if (!/^O[012]$/.test(simplification)) throw new Error('simplification must be O0, O1 or O2, not ' + simplification);
  const circom = path.join(__dirname, 'node_modules', '.bin', 'circom2');
  const include = path.join(__dirname, 'node_modules', 'circomlib', 'circuits');
  execFileSync(circom, [circuit, '--r1cs', '--wasm', '-l', include, '--' + simplification, '-o', dir], { cwd: __dirname, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = path.basename(circuit, '.circom');
  return { r1cs: path.join(dir, base + '.r1cs'), wasm: path.join(dir, base + '_js', base + '.wasm') };
}

async function circomWitness(dir, circuit, inputFile, simplification) {
  const { r1cs, wasm } = compile(dir, circuit, simplification);
  const wtns = { type: 'mem' };
  await snarkjs.wtns.calculate(JSON.parse(fs.readFileSync(inputFile, 'utf8')), wasm, wtns);
  fs.copyFileSync(r1cs, path.join(dir, 'circuit.r1cs'));
  fs.writeFileSync(path.join(dir, 'witness.wtns'), Buffer.from(wtns.data));
}

async function snarkjsProve(dir, circuit, inputFile, power = '8', simplification) {
  const { r1cs, wasm } = compile(dir, circuit, simplification);
  const ptau0 = { type: 'mem' }, ptau1 = { type: 'mem' }, ptau = { type: 'mem' };
  await snarkjs.powersOfTau.newAccumulator(await curve(), Number(power), ptau0, quiet);
  await snarkjs.powersOfTau.contribute(ptau0, ptau1, 'oracle', 'entropy-oracle-1', quiet);
  await snarkjs.powersOfTau.preparePhase2(ptau1, ptau, quiet);
  const zkey0 = { type: 'mem' }, zkey = { type: 'mem' };
  await snarkjs.zKey.newZKey(r1cs, ptau, zkey0, quiet);
  await snarkjs.zKey.contribute(zkey0, zkey, 'oracle', 'entropy-oracle-2', quiet);
  const vk = await snarkjs.zKey.exportVerificationKey(zkey, quiet);
  const wtns = { type: 'mem' };
  await snarkjs.wtns.calculate(JSON.parse(fs.readFileSync(inputFile, 'utf8')), wasm, wtns);
  const { proof, publicSignals } = await snarkjs.groth16.prove(zkey, wtns, quiet);
  fs.writeFileSync(path.join(dir, 'verification_key.json'), JSON.stringify(vk, null, 1));
  fs.writeFileSync(path.join(dir, 'proof.json'), JSON.stringify(proof, null, 1));
  fs.writeFileSync(path.join(dir, 'public.json'), JSON.stringify(publicSignals, null, 1));
  fs.copyFileSync(r1cs, path.join(dir, 'circuit.r1cs'));
  fs.writeFileSync(path.join(dir, 'witness.wtns'), Buffer.from(wtns.data));
  fs.writeFileSync(path.join(dir, 'circuit.zkey'), Buffer.from(zkey.data));
  fs.writeFileSync(path.join(dir, 'pot.ptau'), Buffer.from(ptau.data));
}

let curveInstance;
async function curve() {
  curveInstance ??= await snarkjs.curves.getCurveFromName('bn128');
  return curveInstance;
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'snarkjs-prove') {
    await snarkjsProve(...args);
    console.log('ok');
  } else if (mode === 'circom-witness') {
    await circomWitness(...args);
    console.log('ok');
  } else if (mode === 'new-zkey') {
    const [r1cs, ptau, out] = args;
    const zkey = { type: 'mem' };
    await snarkjs.zKey.newZKey(r1cs, ptau, zkey, quiet);
    fs.writeFileSync(out, Buffer.from(zkey.data));
    console.log('ok');
  } else if (mode === 'zkey-verify') {
    const [r1cs, ptau, zkey] = args;
    console.log(String(await snarkjs.zKey.verifyFromR1cs(r1cs, ptau, zkey, quiet)));
  } else if (mode === 'zkey-contribute') {
    const [input, out] = args;
    const zkey = { type: 'mem' };
    await snarkjs.zKey.contribute(input, zkey, 'oracle', 'entropy-oracle-3', quiet);
    fs.writeFileSync(out, Buffer.from(zkey.data));
    console.log('ok');
  } else if (mode === 'poseidon') {
    // args[0]: a JSON file holding an array of input arrays (decimal strings); prints one decimal digest per line.
    const { buildPoseidonReference } = require('circomlibjs');
    const poseidon = await buildPoseidonReference();
    const inputs = JSON.parse(fs.readFileSync(args[0], 'utf8'));
    console.log(inputs.map((xs) => poseidon.F.toString(poseidon(xs.map(BigInt)))).join('\n'));
  } else if (mode === 'compressed') {
    // args: decimal scalars k; prints, per k, ffjavascript's compressed [k]G1 and [k]G2 in hex (k = 0 gives infinity).
    const c = await curve();
    const lines = args.map((k) => {
      const g1 = new Uint8Array(32), g2 = new Uint8Array(64);
      c.G1.toRprCompressed(g1, 0, c.G1.timesScalar(c.G1.g, BigInt(k)));
      c.G2.toRprCompressed(g2, 0, c.G2.timesScalar(c.G2.g, BigInt(k)));
      return Buffer.from(g1).toString('hex') + ' ' + Buffer.from(g2).toString('hex');
    });
    console.log(lines.join('\n'));
  } else if (mode === 'verify') {
    const [vk, pub, proof] = args.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
    console.log(String(await snarkjs.groth16.verify(vk, pub, proof, quiet)));
  } else {
    throw new Error('unknown mode ' + mode);
  }
}

main().then(() => process.exit(0), (e) => { console.error(e && e.stack || String(e)); process.exit(1); });

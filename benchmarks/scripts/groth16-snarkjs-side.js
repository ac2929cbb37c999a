// Side-by-side Groth16 timing, snarkjs half (run by groth16-vs-snarkjs.sh from tests/NexusZero.Circuits.Tests/oracle,
// whose lockfile pins snarkjs 0.7.6 and circom2 0.2.23).
//   node groth16-snarkjs-side.js <dir> <constraints> <rounds>
// Compiles a chain of <constraints> squarings with circom2, runs a Powers of Tau just large enough and a phase-2
// setup with one contribution, computes the witness, then times snarkjs.groth16.prove and snarkjs.groth16.verify
// in process (median of <rounds>) and leaves circuit.zkey, witness.wtns, verification_key.json in <dir>.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const oracle = process.cwd();
const snarkjs = require(path.join(oracle, 'node_modules', 'snarkjs'));

const quiet = { debug() {}, info() {}, warn() {}, error: console.error };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function main() {
  const [dir, constraints, rounds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const circuit = path.join(dir, 'chain.circom');
  fs.writeFileSync(circuit, `pragma circom 2.0.0;
template Chain(n) {
  signal input x; signal input secret; signal output y;
  signal t[n + 1];
  t[0] <== secret + x;
  for (var i = 0; i < n; i++) { t[i + 1] <== t[i] * t[i] + x; }
  y <== t[n];
}
component main {public [x]} = Chain(${constraints});
`);
  execFileSync(path.join(oracle, 'node_modules', '.bin', 'circom2'), [circuit, '--r1cs', '--wasm', '-o', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const power = Math.ceil(Math.log2(constraints + 3));
  const curve = await snarkjs.curves.getCurveFromName('bn128');
  const t0 = Date.now();
  const ptau0 = { type: 'mem' }, ptau1 = { type: 'mem' }, ptau = { type: 'mem' };
  await snarkjs.powersOfTau.newAccumulator(curve, power, ptau0, quiet);
  await snarkjs.powersOfTau.contribute(ptau0, ptau1, 'bench', 'entropy-bench-1', quiet);
  await snarkjs.powersOfTau.preparePhase2(ptau1, ptau, quiet);
  const zkey0 = { type: 'mem' }, zkey = { type: 'mem' };
  await snarkjs.zKey.newZKey(path.join(dir, 'chain.r1cs'), ptau, zkey0, quiet);
  await snarkjs.zKey.contribute(zkey0, zkey, 'bench', 'entropy-bench-2', quiet);
  const vk = await snarkjs.zKey.exportVerificationKey(zkey, quiet);
  const wtns = { type: 'mem' };
  await snarkjs.wtns.calculate({ x: '3', secret: '12345' }, path.join(dir, 'chain_js', 'chain.wasm'), wtns);
  fs.writeFileSync(path.join(dir, 'circuit.zkey'), Buffer.from(zkey.data));
  fs.writeFileSync(path.join(dir, 'witness.wtns'), Buffer.from(wtns.data));
  fs.writeFileSync(path.join(dir, 'verification_key.json'), JSON.stringify(vk));
  console.error(`snarkjs setup (ptau 2^${power}, phase 2): ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const prove = [], verify = [];
  let last;
  for (let i = 0; i < rounds; i++) {
    const a = process.hrtime.bigint();
    last = await snarkjs.groth16.prove(zkey, wtns, quiet);
    prove.push(Number(process.hrtime.bigint() - a) / 1e6);
  }
  for (let i = 0; i < rounds; i++) {
    const a = process.hrtime.bigint();
    const ok = await snarkjs.groth16.verify(vk, last.publicSignals, last.proof, quiet);
    verify.push(Number(process.hrtime.bigint() - a) / 1e6);
    if (!ok) throw new Error('snarkjs did not verify its own proof');
  }
  fs.writeFileSync(path.join(dir, 'proof.json'), JSON.stringify(last.proof));
  fs.writeFileSync(path.join(dir, 'public.json'), JSON.stringify(last.publicSignals));
  console.log(`snarkjs ${median(prove).toFixed(2)} ${median(verify).toFixed(3)}`);
}

main().then(() => process.exit(0), (e) => { console.error(e && e.stack || String(e)); process.exit(1); });

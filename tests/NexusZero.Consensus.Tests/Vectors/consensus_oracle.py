#!/usr/bin/env python3
"""Independent implementation of the consensus encodings in docs/formats.md ("Consensus"), on pyca/cryptography.

  consensus_oracle.py vectors          print the vector JSON (fixed keys and inputs) to stdout
  consensus_oracle.py verify SET CERT  verify a binary certificate (hex file) against a validator-set JSON file;
                                       prints "valid" or "invalid: <why>"
Written from the documentation, not from the C# code.
"""
import base64, hashlib, json, struct, sys
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551

def label(s): b = s.encode("ascii"); return bytes([len(b)]) + b
def str8(s): b = s.encode("utf-8"); assert len(b) < 256; return bytes([len(b)]) + b
def str16(s): b = s.encode("utf-8"); return struct.pack(">H", len(b)) + b
def u16(v): return struct.pack(">H", v)
def u32(v): return struct.pack(">I", v)
def u64(v): return struct.pack(">Q", v)
def sha(b): return hashlib.sha256(b).digest()

def public_key(d):
    nums = ec.derive_private_key(d, ec.SECP256R1()).public_key().public_numbers()
    return b"\x04" + nums.x.to_bytes(32, "big") + nums.y.to_bytes(32, "big")

def set_id(epoch, scheme, members):
    out = label("NexusZero/consensus/validator-set/v1") + u64(epoch) + bytes([scheme]) + u16(len(members))
    for vid, weight, pub in sorted(members, key=lambda m: m[0]):
        out += str8(vid) + u32(weight) + u16(len(pub)) + pub
    return sha(out)

def explanation_digest(metrics):
    out = label("NexusZero/consensus/explanation-metrics/v1") + u16(len(metrics))
    for name in sorted(metrics):
        value = metrics[name] + 0.0
        if value == 0: value = 0.0
        out += str8(name) + struct.pack(">d", value)
    return sha(out)

def proposal_digest(sid, model, env_hash, out_hash, expl):
    return sha(label("NexusZero/consensus/proposal/v1") + sid + str8(model) + env_hash + out_hash + expl)

def judgement(verdict, score, reasons):
    out = bytes([verdict]) + u32(score) + bytes([len(reasons)])
    for r in reasons: out += str16(r)
    return out

def vote_payload(sid, digest, rnd, vid, verdict, score, reasons):
    return label("NexusZero/consensus/vote/v1") + sid + digest + u64(rnd) + str8(vid) + judgement(verdict, score, reasons)

def sign_low_s(d, message):
    key = ec.derive_private_key(d, ec.SECP256R1())
    r, s = decode_dss_signature(key.sign(message, ec.ECDSA(hashes.SHA256())))
    if s > N // 2: s = N - s
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")

def verify_p1363(pub, message, sig):
    if len(sig) != 64: return False
    r, s = int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big")
    if s > N // 2: return False
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), pub)
    try:
        key.verify(encode_dss_signature(r, s), message, ec.ECDSA(hashes.SHA256()))
        return True
    except Exception:
        return False

def vectors():
    keys = {f"v{i}": int.from_bytes(bytes([i + 1]) * 32, "big") for i in range(4)}
    weights = {"v0": 1, "v1": 1, "v2": 1, "v3": 2}
    members = [(vid, weights[vid], public_key(d)) for vid, d in keys.items()]
    sid = set_id(42, 1, members)
    envelope = bytes(range(100)); output = b"output"
    metrics = {"stability": 0.75, "fidelity": 0.9}
    expl = explanation_digest(metrics)
    digest = proposal_digest(sid, "model-a", sha(envelope), sha(output), expl)
    reasons = ["explanation: ok", "ünïcödé"]
    payload = vote_payload(sid, digest, 7, "v1", 1, 830000, reasons)
    return {
        "privateKeys": {vid: f"{d:064x}" for vid, d in keys.items()},
        "publicKeys": {vid: pub.hex() for vid, _, pub in members},
        "weights": weights, "epoch": 42,
        "setId": sid.hex(),
        "modelId": "model-a", "envelope": envelope.hex(), "output": output.hex(), "metrics": metrics,
        "explanationDigest": expl.hex(), "proposalDigest": digest.hex(),
        "vote": {"validatorId": "v1", "round": 7, "verdict": 1, "scoreMillionths": 830000, "reasons": reasons},
        "voteSigningPayload": payload.hex(),
        "voteSignatureByOracle": sign_low_s(keys["v1"], payload).hex(),
    }

class Reader:
    def __init__(self, b): self.b, self.p = b, 0
    def take(self, n):
        if self.p + n > len(self.b): raise ValueError("truncated")
        v = self.b[self.p:self.p + n]; self.p += n; return v
    def u8(self): return self.take(1)[0]
    def u16(self): return struct.unpack(">H", self.take(2))[0]
    def u32(self): return struct.unpack(">I", self.take(4))[0]
    def u64(self): return struct.unpack(">Q", self.take(8))[0]
    def str8(self): return self.take(self.u8()).decode("utf-8")
    def str16(self): return self.take(self.u16()).decode("utf-8")
    def bytes16(self): return self.take(self.u16())

def verify(set_path, cert_path):
    doc = json.load(open(set_path))
    members = {m["id"]: (m.get("weight", 1), base64.b64decode(m["publicKey"])) for m in doc["validators"]}
    sid = set_id(doc["epoch"], 1, [(k, w, p) for k, (w, p) in members.items()])
    total = sum(w for w, _ in members.values()); f = (total - 1) // 3; q = (total + f) // 2 + 1
    raw = bytes.fromhex(open(cert_path).read().strip())
    r = Reader(raw)
    if r.take(4) != b"NZQC" or r.u8() != 1 or r.u8() != 1: return "invalid: header"
    if r.take(32) != sid: return "invalid: set id"
    rnd = r.u64(); model = r.str8(); eh, oh, ed = r.take(32), r.take(32), r.take(32)
    verdict = r.u8(); aggregate = r.u32()
    digest = proposal_digest(sid, model, eh, oh, ed)
    core_end = None; votes = []
    for _ in range(r.u16()):
        vid = r.str8(); v = r.u8(); s = r.u32(); reasons = [r.str16() for _ in range(r.u8())]; sig = r.bytes16()
        if vid not in members: return f"invalid: {vid} not a member"
        if not verify_p1363(members[vid][1], vote_payload(sid, digest, rnd, vid, v, s, reasons), sig): return f"invalid: vote signature {vid}"
        votes.append((vid, v, s))
    core_end = r.p
    commits = [(r.str8(), r.bytes16()) for _ in range(r.u16())]
    if r.p != len(raw): return "invalid: trailing bytes"
    ids = [v[0] for v in votes]
    if ids != sorted(set(ids)): return "invalid: vote order"
    if sum(members[v[0]][0] for v in votes) < q: return "invalid: vote weight"
    if sum(members[v[0]][0] for v in votes if v[1] == verdict) < q: return "invalid: verdict weight"
    ordered = sorted(votes, key=lambda v: v[2]); half = sum(members[v[0]][0] for v in votes); acc = 0
    for v in ordered:
        acc += members[v[0]][0]
        if 2 * acc >= half: median = v[2]; break
    if median != aggregate: return "invalid: median"
    core = raw[:core_end] + u16(0)
    commit_payload = label("NexusZero/consensus/commit/v1") + sid + sha(core)
    cids = [c[0] for c in commits]
    if cids != sorted(set(cids)): return "invalid: commit order"
    for cid, sig in commits:
        if cid not in members or not verify_p1363(members[cid][1], commit_payload, sig): return f"invalid: commit {cid}"
    if sum(members[c][0] for c in cids) < q: return "invalid: commit weight"
    return "valid"

if __name__ == "__main__":
    if sys.argv[1] == "vectors": print(json.dumps(vectors(), indent=2, ensure_ascii=False))
    elif sys.argv[1] == "verify": print(verify(sys.argv[2], sys.argv[3]))

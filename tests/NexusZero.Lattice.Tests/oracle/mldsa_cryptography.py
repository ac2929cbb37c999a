"""ML-DSA oracle through Python's `cryptography` package (OpenSSL's ML-DSA).

Reads a JSON array of requests on stdin and writes a JSON array of answers (byte strings hex):
  {"op": "keygen", "scheme": "ml-dsa-65", "seed": ...}                          -> {"publicKey"}
  {"op": "sign", "scheme", "seed", "message", "context"}                        -> {"signature"} (hedged)
  {"op": "verify", "scheme", "publicKey", "message", "signature", "context"}    -> {"valid"}
Exits with status 3 and a message on stderr when the package or its ML-DSA support is missing.
"""

import json
import sys

try:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric import mldsa
except ImportError as error:  # the tests turn this into a failure naming the missing package
    sys.stderr.write(f"python cryptography with ML-DSA support is not available: {error}\n")
    sys.exit(3)

PRIVATE = {
    "ml-dsa-44": mldsa.MLDSA44PrivateKey,
    "ml-dsa-65": mldsa.MLDSA65PrivateKey,
    "ml-dsa-87": mldsa.MLDSA87PrivateKey,
}
PUBLIC = {
    "ml-dsa-44": mldsa.MLDSA44PublicKey,
    "ml-dsa-65": mldsa.MLDSA65PublicKey,
    "ml-dsa-87": mldsa.MLDSA87PublicKey,
}


def answer(request):
    scheme = request["scheme"]
    op = request["op"]
    if op == "keygen":
        key = PRIVATE[scheme].from_seed_bytes(bytes.fromhex(request["seed"]))
        return {"publicKey": key.public_key().public_bytes_raw().hex()}
    if op == "sign":
        key = PRIVATE[scheme].from_seed_bytes(bytes.fromhex(request["seed"]))
        signature = key.sign(bytes.fromhex(request["message"]), bytes.fromhex(request["context"]))
        return {"signature": signature.hex()}
    if op == "verify":
        try:
            public_key = PUBLIC[scheme].from_public_bytes(bytes.fromhex(request["publicKey"]))
            public_key.verify(
                bytes.fromhex(request["signature"]),
                bytes.fromhex(request["message"]),
                bytes.fromhex(request["context"]),
            )
            return {"valid": True}
        except (InvalidSignature, ValueError):
            return {"valid": False}
    raise ValueError(f"unknown op {op}")


def main():
    requests = json.load(sys.stdin)
    json.dump([answer(r) for r in requests], sys.stdout)


if __name__ == "__main__":
    main()

"""Write the int8 reference outputs that tests/index/test_int8_exact.py holds the models to.

The reference is what the shipped reader and embedder compute, with exact int8 products,
for one made-up question and passage: it pins the CPU kernels, not the weights. A new
reader file therefore needs it written anew, on a CPU that computes int8 exactly (one with
VNNI, or any CPU through index.onnx_cpu's session options):

    python -m tools.reader.reference
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "index" / "data" / "int8_reference.json"


def reference(question: str, passage: str) -> dict:
    """The shipped models' outputs for `question` and `passage`: the reader's logits to 3
    decimals and the fast embedder's two vectors to 5."""
    from index.onnx_embedder import OnnxMiniLMEmbedder
    from qa.reader.onnx_reader import Reader

    _, start, end = Reader(threads=1).logits(question, [passage])
    vectors = OnnxMiniLMEmbedder(fast=True).embed([question, passage])
    return {
        "question": question,
        "passage": passage,
        "start_logits": [round(float(x), 3) for x in start[0]],
        "end_logits": [round(float(x), 3) for x in end[0]],
        "embeddings": [[round(float(x), 5) for x in row] for row in vectors],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REFERENCE)
    args = parser.parse_args(argv)
    before = json.loads(REFERENCE.read_text(encoding="utf-8"))
    written = reference(before["question"], before["passage"])
    args.out.write_text(json.dumps(written) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Average the weights of reader checkpoints from one run (a "model soup").

    python -m tools.reader.average /work/reader-ckpt-v3/checkpoint \
        /work/reader-ckpt-v4/checkpoint --out /work/soup/v34/checkpoint

Checkpoints taken along one training run, each at the end of an annealed schedule, lie
in one basin; their mean is sometimes a better reader than any of them at no cost at
run time. Whether it is, tools.reader.evaluate decides on the validation split, as for
any checkpoint (qa/reader/model/MODEL_CARD.md: tried for v2-v4, not shipped).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

WEIGHTS = "model.safetensors"
CONFIG = "config.json"


def average(checkpoints: list[Path], out: Path) -> Path:
    """Write the mean of the checkpoints' weights, with the first one's config, to `out`."""
    from safetensors.torch import load_file, save_file

    if len(checkpoints) < 2:
        raise ValueError("give at least two checkpoints to average")
    states = [load_file(str(path / WEIGHTS)) for path in checkpoints]
    names = set(states[0])
    for path, state in zip(checkpoints[1:], states[1:], strict=True):
        if set(state) != names or any(state[n].shape != states[0][n].shape for n in names):
            raise ValueError(f"{path} is not the same model as {checkpoints[0]}")
    mean = {}
    for name in sorted(names):
        total = states[0][name].double()
        for state in states[1:]:
            total = total + state[name].double()
        mean[name] = (total / len(states)).to(states[0][name].dtype)
    out.mkdir(parents=True, exist_ok=True)
    save_file(mean, str(out / WEIGHTS), metadata={"format": "pt"})
    shutil.copy(checkpoints[0] / CONFIG, out / CONFIG)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m tools.reader.average", description=__doc__.split("\n")[0]
    )
    p.add_argument("checkpoints", type=Path, nargs="+", help="checkpoint dirs (model.safetensors)")
    p.add_argument("--out", type=Path, required=True, help="where to write the averaged checkpoint")
    args = p.parse_args(argv)
    try:
        out = average(args.checkpoints, args.out)
    except (ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"averaged {len(args.checkpoints)} checkpoints into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

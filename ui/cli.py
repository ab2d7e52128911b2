"""The `article-qa` command: ask, serve, eval, calibrate."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from index.embedder import EMBEDDERS
from qa.errors import ArticleQAError
from ui import ask_cli, mcp_cli, operating
from ui.ask_cli import UsageError
from ui.collections_cli import add_parsers as add_collection_parsers

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from qa.bot import ArticleQA
    from qa.datasets import EvalSet
    from ui.pool import Limits

USAGE_ERROR = 2

UPLOADS_SUBDIR = "uploads"


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    from ui.auth import auth_from, bind_warning

    # Checked before anything loads: a bad --auth fails in a moment, in one line.
    auth = auth_from(args.auth, os.environ)
    limits = _limits(args.workers, args.queue)
    budgets = operating.budgets(args)  # --answer-seconds, --index-seconds
    warning = bind_warning(args.host, auth)
    if warning:
        print(warning, file=sys.stderr, flush=True)

    from index.paths import DATA_DIR_ENV, data_dir

    if args.data_dir:
        # Everything saved goes there: added articles and the bundled article's index.
        os.environ[DATA_DIR_ENV] = str(Path(args.data_dir).expanduser().resolve())
    # Gradio saves uploads here until they are read; $GRADIO_TEMP_DIR still wins.
    os.environ.setdefault("GRADIO_TEMP_DIR", str(data_dir() / UPLOADS_SUBDIR))
    from qa.collection import BUNDLED_ID, FolderCollection
    from ui.app import launch
    from ui.uploads import add_extracted, read_article_file

    operating.log_to_stderr()  # a line per article indexed
    library = FolderCollection(data_dir(), reader=args.reader, **budgets)
    initial = BUNDLED_ID
    if args.collection or args.store:
        from qa.collection import DEFAULT_COLLECTION, ServedCollection, open_collection

        # A bad name or an unreachable database fails here, in one line, before serving.
        collection = open_collection(
            args.collection or DEFAULT_COLLECTION, args.store, reader=args.reader
        )
        library = ServedCollection(data_dir(), collection, reader=args.reader, **budgets)
        initial = library.collection_id
    if args.article:  # read as an upload is; a bad file fails here, before serving
        extracted = read_article_file(args.article)
        initial = add_extracted(library, extracted, Path(args.article).name).id
    title = library.answerer(initial).title
    print(
        f"article-qa: serving {title!r} on http://{args.host}:{args.port} "
        f"(articles saved in {library.folder}; {limits.workers} workers, "
        f"queue {limits.queue}{'; password required' if auth else ''})",
        flush=True,
    )
    launch(
        host=args.host,
        port=args.port,
        library=library,
        initial=initial,
        limits=limits,
        auth=auth,
        allow_private_urls=args.allow_private_urls,
    )
    return 0


def _limits(workers: int | None, queue: int) -> Limits:
    from ui.pool import Limits, default_workers

    try:
        return Limits(default_workers() if workers is None else workers, queue)
    except ValueError as error:
        raise UsageError(f"--workers/--queue: {error}") from None


def _make_bot_factory(reader: bool) -> Callable[[str, str], ArticleQA]:
    from index.embedder import default_embedder
    from qa.bot import ArticleQA

    embedder = default_embedder()
    return lambda title, text: ArticleQA.from_text(text, title, embedder=embedder, reader=reader)


def variants_originals(dataset: Path, eval_set: EvalSet) -> Path | None:
    """The dev set that a set of rephrased questions (`variant_of`) rephrases: the file
    beside it named without "_variants" (article_variants_dev.jsonl -> article_dev.jsonl)."""
    if not any(q.variant_of for q in eval_set.questions):
        return None
    originals = dataset.with_name(dataset.name.replace("_variants", ""))
    return originals if originals != dataset and originals.is_file() else None


def cmd_eval(args: argparse.Namespace) -> int:
    from qa.datasets import load_eval_set
    from qa.evaluation import metrics, outcome_reliability, reliability_table, run, same_answers

    eval_set = load_eval_set(args.dataset, args.article)
    make_bot = _make_bot_factory(args.reader)
    outcomes = run(eval_set, make_bot)
    result = {"dataset": eval_set.name, "reader": args.reader, **metrics(outcomes)}
    originals = variants_originals(Path(args.dataset), eval_set)
    if originals is not None:  # typed variants: does each get its original's answer?
        same, total = same_answers(outcomes, run(load_eval_set(originals, args.article), make_bot))
        result["same_answer_as_original"] = f"{same}/{total}"
    bins = outcome_reliability(outcomes)  # Answer.score bins -> how often answering was right
    if args.json:
        print(json.dumps({**result, "reliability": bins}, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>26}: {value}")
        print(f"\n{reliability_table(bins)}")
    return 0


# Developer tools (tools/, in the source checkout only), each with its own argument parser.
TOOLS = {
    "bench": (
        "tools.bench",
        "benchmark vector stores at 10k, 100k and 1M sentences (--ask: ask() speed; "
        "--adversarial: the worst inputs)",
    ),
    "train-reader": ("tools.reader.train", "retrain the extractive reader from data/qa-train"),
    "export-reader": ("tools.reader.export", "export a reader checkpoint to int8 ONNX"),
    "calibrate": (
        "tools.calibrate",
        "fit the answerability model on the reader's validation split (--split [--limit N])",
    ),
}
# `article-qa bench FLAG ...` runs another benchmark tool, handed the other arguments.
BENCH_MODES = {
    "--ask": "tools.ask_bench",  # ask() latency, throughput and start-up
    "--adversarial": "tools.adversarial",  # the worst inputs within the limits, and over them
    "--against": "tools.release_compare",  # warm ask() against an earlier release, one run
}


def developer_tool(command: str, module: str) -> ModuleType | None:
    """The tool `module` from tools/, which only the source checkout has (the wheel ships
    index, qa and ui); None, after one line on stderr, where it is not there.

    Imported by name, never statically: the runtime does not depend on the tools.
    """
    import importlib

    checkout = Path(__file__).resolve().parents[1]
    if (checkout / "tools" / "__init__.py").is_file() and str(checkout) not in sys.path:
        sys.path.append(str(checkout))  # an editable install maps only index, qa and ui
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name and not f"{module}.".startswith(f"{error.name}."):
            # The tool is here but a development dependency (the test extra) is not.
            problem = f"{command} needs {error.name}: pip install -e '.[test]'"
        else:
            problem = (
                f"{command} is a developer tool in the source checkout: "
                f"run it there as python -m {module}"
            )
    print(f"article-qa: error: {problem}", file=sys.stderr)
    return None


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="article-qa", description="Ask questions about a news article, offline."
    )
    commands = root.add_subparsers(dest="command", required=True)
    collection_commands = add_collection_parsers(commands)  # add, remove, list
    # Tools with their own argument parsers (main() hands them their arguments); listed
    # here so that `article-qa --help` shows them.
    for name, (_, summary) in TOOLS.items():
        commands.add_parser(name, help=summary)

    ask = ask_cli.add_parser(commands)  # --article, --url, --history, --json, --collection

    serve = commands.add_parser("serve", help="serve the chat in a browser")
    serve.add_argument(
        "--article", help="a .txt, .md, .html or .pdf file (default: the bundled article)"
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7860)
    serve.add_argument(
        "--data-dir",
        help="where added articles and indexes are kept (default: $ARTICLE_QA_DATA_DIR, "
        "else the user data folder, e.g. ~/.local/share/article-qa)",
    )
    serve.add_argument(
        "--auth",
        metavar="USER:PASSWORD",
        help="require this user and password, for the chat and the HTTP API "
        "(default: $ARTICLE_QA_AUTH, else none)",
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=None,
        help="answers computed at once, for the chat and for the HTTP API "
        "(default: two per core, 2 to 16)",
    )
    serve.add_argument(
        "--queue",
        type=int,
        default=64,
        help="requests that may wait for a worker before the reply is 'busy' (default: 64)",
    )
    serve.add_argument(
        "--collection",
        metavar="NAME",
        help="also offer the collection NAME (see `article-qa add`) as 'All articles in NAME'",
    )
    serve.add_argument(
        "--store",
        metavar="DSN",
        help="the collection is in this PostgreSQL database (postgresql://user@host:port/db); "
        "several servers may share it (default: local, under the data folder)",
    )
    mcp_cli.add_private_urls_option(serve)
    operating.add_budget_options(serve)
    serve.set_defaults(run=cmd_serve)
    mcp = mcp_cli.add_parser(commands)  # `article-qa mcp`: tools for AI assistants

    evaluate = commands.add_parser("eval", help="score a dev set (.jsonl or SQuAD .json)")
    evaluate.add_argument("dataset")
    evaluate.add_argument("--article", help="the article a .jsonl set asks about")
    evaluate.add_argument("--json", action="store_true")
    evaluate.set_defaults(run=cmd_eval)

    for command in (*collection_commands, ask, serve, mcp, evaluate):
        command.add_argument(
            "--embedder",
            choices=EMBEDDERS,
            help="sentence embedder: int8-fast or int8 ONNX, or fp32 sentence-transformers "
            "(default: $ARTICLE_QA_EMBEDDER, else int8-fast); indexes built with another are "
            "rebuilt",
        )
    for command in (ask, serve, mcp, evaluate):
        command.add_argument(
            "--no-reader",
            dest="reader",
            action="store_false",
            help="answer with the best sentence instead of the extractive reader's short span",
        )
    return root


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; user errors print one line and exit 2, never a traceback."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in TOOLS:
        module, rest = TOOLS[arguments[0]][0], arguments[1:]
        if arguments[0] == "bench":  # `bench --ask` etc.: another benchmark, its own parser
            for flag, other in BENCH_MODES.items():
                if flag in rest:
                    module = other
                    rest.remove(flag)
        tool = developer_tool(arguments[0], module)
        return USAGE_ERROR if tool is None else int(tool.main(rest))
    args = parser().parse_args(arguments)
    if args.embedder:  # read by index.embedder.default_embedder wherever it is loaded
        os.environ["ARTICLE_QA_EMBEDDER"] = args.embedder
    try:
        return int(args.run(args))
    except ArticleQAError as error:
        print(f"article-qa: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

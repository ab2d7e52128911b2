"""`article-qa mcp` and `--allow-private-urls` on the command line.

Kept apart from ui.mcp_server so that every other command starts without loading the MCP
SDK, the collections and their models: the server module is imported only to run it.
"""

from __future__ import annotations

import argparse


def cmd_mcp(args: argparse.Namespace) -> int:
    """Serve the tools for AI assistants on stdin/stdout (ui.mcp_server)."""
    from ui import mcp_server

    return mcp_server.cmd_mcp(args)


def add_private_urls_option(parser: argparse.ArgumentParser) -> None:
    """`--allow-private-urls`, for the commands that fetch links for someone else."""
    parser.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="also add articles from links to loopback, private and link-local addresses "
        "(refused by default: a visitor's link must not reach into this machine's network)",
    )


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register `mcp` on the `article-qa` parser; returns its parser."""
    mcp = commands.add_parser(
        "mcp", help="serve the articles to AI assistants (Model Context Protocol, stdio)"
    )
    mcp.add_argument(
        "--data-dir",
        help="where the articles are kept (default: $ARTICLE_QA_DATA_DIR, else the user "
        "data folder, as for serve)",
    )
    add_private_urls_option(mcp)
    mcp.set_defaults(run=cmd_mcp)
    return mcp

"""Who may use the server: `--auth user:password` (or $ARTICLE_QA_AUTH), and the bind warning.

The chat asks for the password on a login page (Gradio's auth); `/api/*` takes the same
user and password as HTTP basic auth.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import secrets
from collections.abc import Mapping

from qa.errors import ArticleQAError

AUTH_ENV = "ARTICLE_QA_AUTH"
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class BadAuth(ArticleQAError):
    """--auth (or $ARTICLE_QA_AUTH) is not user:password."""


Credentials = tuple[str, str]


def parse_auth(value: str, where: str = "--auth") -> Credentials:
    """`user:password` as (user, password); the password may itself contain ':'.

    Raises BadAuth with a one-line message that never repeats the password.
    """
    user, colon, password = value.partition(":")
    if not colon:
        raise BadAuth(f"{where} must be user:password (no ':' found)")
    if not user.strip() or user != user.strip():
        raise BadAuth(f"{where} must be user:password with a non-empty user and no spaces")
    if not password:
        raise BadAuth(f"{where} must be user:password with a non-empty password")
    if any(char in value for char in "\r\n"):
        raise BadAuth(f"{where} must be one line")
    return user, password


def auth_from(option: str | None, environ: Mapping[str, str]) -> Credentials | None:
    """The credentials from the --auth option, else from $ARTICLE_QA_AUTH, else None."""
    if option is not None:
        return parse_auth(option)
    value = environ.get(AUTH_ENV)
    if value:
        return parse_auth(value, f"${AUTH_ENV}")
    return None


def is_loopback(host: str) -> bool:
    """True when `host` only accepts connections from this machine."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False  # a host name: it may well resolve to a public address


def bind_warning(host: str, auth: Credentials | None) -> str | None:
    """The one-line warning for serving on a non-loopback address without a password."""
    if auth is not None or is_loopback(host):
        return None
    return (
        f"article-qa: warning: serving on {host}, reachable from other machines, without a "
        f"password; pass --auth user:password (or set ${AUTH_ENV})"
    )


def check_basic(header: str | None, auth: Credentials) -> bool:
    """Whether an HTTP `Authorization: Basic ...` header carries these credentials."""
    if not header:
        return False
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return False
    user, colon, password = decoded.partition(":")
    # Both compared, always: the time taken says nothing about which one was wrong.
    user_ok = secrets.compare_digest(user.encode(), auth[0].encode())
    password_ok = secrets.compare_digest(password.encode(), auth[1].encode())
    return bool(colon) and user_ok and password_ok

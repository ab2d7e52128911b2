"""Uploading a file to the served app's Gradio upload route, as a browser does."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path


def upload_file(url: str, file: Path) -> str:
    """POST a file to Gradio's upload route as the browser does; returns its server path."""
    boundary = "----article-qa-test"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="{file.name}"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        + file.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        url + "gradio_api/upload",
        body,
        {"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        (path,) = json.loads(response.read())
    return str(path)

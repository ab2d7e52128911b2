"""The Gradio chat and the command line, thin shells over `qa`."""

from __future__ import annotations

import os
from typing import Any

# Nothing phones home: no Gradio analytics, whichever ui module imports Gradio first.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

__all__ = ["create_app", "launch"]


def __getattr__(name: str) -> Any:
    # Gradio takes seconds to import; `article-qa ask` should not pay for it.
    if name in __all__:
        from ui import app

        return getattr(app, name)
    raise AttributeError(name)

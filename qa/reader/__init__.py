"""Extractive QA reader: best answer span per passage, via onnxruntime (no torch needed)."""

from __future__ import annotations

from qa.reader.onnx_reader import Reader, Span, load_reader

__all__ = ["Reader", "Span", "load_reader"]

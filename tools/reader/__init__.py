"""The extractive reader's training data, trainer, ONNX export and evaluation.

The reader itself (what answering runs) is qa.reader.
"""

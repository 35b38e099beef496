"""Text encoders shared across spinscope: sentence embeddings run with ONNX Runtime, no torch.

- :class:`~spinscope.encoders.onnx.SentenceEncoder` — mean-pooled, L2-normalised
  sentence vectors from an exported encoder folder (``model.onnx`` + ``tokenizer.json``).
- :mod:`spinscope_train.encoders.export` — make such a folder from the installed
  all-MiniLM-L6-v2 (needs the ``train`` extra: torch, transformers, onnx).
"""

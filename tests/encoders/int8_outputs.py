"""Prints, as JSON, the shipped int8 models' raw outputs on two sentences (run by test_int8.py in a
fresh process, possibly under an emulated CPU).  ``INT8_OUTPUTS_ONLY=claims`` runs the smallest model only."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_int8 import MODELS, SENTENCES  # noqa: E402

from spinscope.encoders import int8  # noqa: E402

only = os.environ.get("INT8_OUTPUTS_ONLY") or None
out = {"mode": int8.mode(), "u8s8_exact": int8.u8s8_is_exact()}
if only in (None, "claims"):
    from spinscope.detectors.claims.transformer import TransformerScorer

    out["claims"] = TransformerScorer(MODELS / "claims" / "transformer").logits(SENTENCES).tolist()
if only in (None, "techniques"):
    from spinscope.detectors.techniques.runtime import TechniqueModel

    out["techniques"] = TechniqueModel().token_outputs(" ".join(SENTENCES)).probs.tolist()
if only in (None, "encoder"):
    from spinscope.encoders.onnx import SentenceEncoder

    out["encoder"] = SentenceEncoder().encode(SENTENCES).tolist()
print(json.dumps(out))

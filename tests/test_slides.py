"""Notebook 00 is a slide show, and its export presents offline."""
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
INTRO = ROOT / "solutions" / "00_introduction.ipynb"
REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|import[^;\n]*["'](?:https?:)?//""")
sys.path.insert(0, str(ROOT / "tools"))
import export_slides  # noqa: E402


def test_every_cell_has_a_slide_type():
    for cell in nbformat.read(INTRO, 4).cells:
        assert cell.metadata.get("slideshow", {}).get("slide_type") in {"slide", "subslide", "fragment", "skip", "notes", "-"}


def test_the_kept_reveal_js_is_the_recorded_version_with_its_license():
    banner = f"reveal.js {export_slides.REVEAL_VERSION}"
    for name in ("dist/reveal.js", "dist/reveal.css"):
        assert banner in (export_slides.REVEAL / name).read_text(encoding="utf-8")[:200], name
    assert banner in (export_slides.REVEAL / "README.md").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in (export_slides.REVEAL / "LICENSE").read_text(encoding="utf-8")


def test_export_references_nothing_remote(tmp_path):
    html = export_slides.export(INTRO, tmp_path / "intro.html").read_text(encoding="utf-8")
    assert 'class="reveal"' in html and "Reveal.initialize" in html
    assert f"reveal.js {export_slides.REVEAL_VERSION}" in html, "reveal.js itself is inside the file"
    assert "RevealNotes=" in html and ".reveal .slides" in html, "the notes plugin and reveal.js's style too"
    assert html.count("<section") >= 10, "one section per slide"
    remote = REMOTE.findall(html)
    assert remote == [], f"the slides load something from the internet: {remote[:5]}"
    assert "data:image/png;base64" in html, "figures are inside the file"


def test_the_remote_check_would_see_a_cdn():
    assert REMOTE.search('<script src="https://unpkg.com/reveal.js@4.0.2/dist/reveal.js">')
    assert REMOTE.search("<link href='//cdn.example.org/x.css' rel=stylesheet>")
    assert REMOTE.search("@import url(https://fonts.example.org/css);")
    assert not REMOTE.search("/* https://revealjs.com */")

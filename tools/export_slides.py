"""Export a notebook with slide metadata to one HTML file that presents offline.

    python tools/export_slides.py                        # solutions/00_introduction.ipynb
    python tools/export_slides.py path/to/notebook.ipynb --output slides.html

`jupyter nbconvert --to slides` loads reveal.js, jQuery, require.js and MathJax from
the internet when the slides are opened, which fails in a room without wifi. This
exports with a template that loads none of them, and writes reveal.js's own files
into the page, from tools/reveal.js/ (reveal.js 5.2.0, kept in the repository).
The slides' code cells are left out.
"""
import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "slides_template"
REVEAL = Path(__file__).resolve().parent / "reveal.js"
REVEAL_VERSION = "5.2.0"
PREFIX = "REVEAL-LOCAL"  # stands for reveal.js's folder while nbconvert writes the page


def export(notebook, output):
    """Write the slides of ``notebook`` to ``output``, a self-contained HTML file."""
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    config = Config()
    config.SlidesExporter.reveal_url_prefix = PREFIX
    config.TemplateExporter.exclude_input = True
    config.TemplateExporter.exclude_input_prompt = True
    config.TemplateExporter.exclude_output_prompt = True
    exporter = SlidesExporter(config=config, extra_template_basedirs=[str(TEMPLATE.parent)],
                              template_name=TEMPLATE.name)
    html, _ = exporter.from_filename(str(notebook))

    def css(match):
        text = (REVEAL / match.group(1)).read_text(encoding="utf-8")
        text = re.sub(r"@import url\([^)]*\);", "", text)  # the theme's web fonts: system fonts instead
        return f"<style>\n{text}\n</style>"

    html = re.sub(rf'<link[^>]*href="{PREFIX}/([^"]+)"[^>]*>', css, html)
    html = re.sub(r"INLINE:([\w/.]+)", lambda m: (REVEAL / m.group(1)).read_text(encoding="utf-8"), html)
    if PREFIX in html:
        raise RuntimeError("a reveal.js file was left unreplaced in the slides")
    Path(output).write_text(html, encoding="utf-8")
    return Path(output)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", nargs="?", default=str(ROOT / "solutions" / "00_introduction.ipynb"))
    parser.add_argument("--output", default=None, help="default: the notebook's name with .slides.html")
    args = parser.parse_args(argv)
    output = args.output or Path(args.notebook).with_suffix(".slides.html").name
    path = export(args.notebook, output)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB): open it in a browser; no internet needed")


if __name__ == "__main__":
    main()

"""Export a notebook with slide metadata to one HTML file that presents offline.

    .venv/bin/python tools/export_slides.py              # solutions/00_introduction.ipynb, to slides/
    .venv/bin/python tools/export_slides.py path/to/notebook.ipynb --output path/to/slides.html

`jupyter nbconvert --to slides` loads reveal.js, jQuery, require.js and MathJax from
the internet when the slides are opened, which fails in a room without wifi. This
exports with a template that loads none of them, and writes reveal.js's own files
into the page, from tools/reveal.js/ (reveal.js 5.2.0, kept in the repository).
The slides' code cells are left out. The page goes to slides/ in the workshop folder (not
committed: .gitignore lists it) unless --output says where; a link to a file next to the
notebook (the last slide's 01_load_and_plot.ipynb) is written relative to where the page lands.
"""
import argparse
import os
import re
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "slides_template"
REVEAL = Path(__file__).resolve().parent / "reveal.js"
REVEAL_VERSION = "5.2.0"
PREFIX = "REVEAL-LOCAL"  # stands for reveal.js's folder while nbconvert writes the page
OUTPUT = ROOT / "slides"  # where the page goes by default (ignored by git)
LINK = re.compile(r'(<a\s[^>]*?href=")([^"]*)"')
NOT_A_FILE = re.compile(r"#|/|[A-Za-z][A-Za-z0-9+.-]*:")  # an anchor, an absolute path, a URL (http:, mailto:)


def relink(html, notebook, output):
    """``html`` with each link to a file next to ``notebook`` made relative to ``output``'s folder;
    a ValueError naming a link to a file that does not exist."""
    def fix(match):
        target = match.group(2)
        if not target or NOT_A_FILE.match(target):
            return match.group(0)
        path, hash_, anchor = target.partition("#")
        file = (Path(notebook).resolve().parent / urllib.parse.unquote(path)).resolve()
        if not file.exists():
            raise ValueError(f"{Path(notebook).name} links to {path}, which does not exist next to it")
        try:
            new = urllib.parse.quote(Path(os.path.relpath(file, Path(output).resolve().parent)).as_posix())
        except ValueError:  # Windows: another drive
            new = file.as_uri()
        return f'{match.group(1)}{new}{hash_}{anchor}"'
    return LINK.sub(fix, html)


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
    html = relink(html, notebook, output)  # before reveal.js goes in: its code holds <a href= too

    def css(match):
        text = (REVEAL / match.group(1)).read_text(encoding="utf-8")
        text = re.sub(r"@import url\([^)]*\);", "", text)  # the theme's web fonts: system fonts instead
        return f"<style>\n{text}\n</style>"

    html = re.sub(rf'<link[^>]*href="{PREFIX}/([^"]+)"[^>]*>', css, html)
    html = re.sub(r"INLINE:([\w/.]+)", lambda m: (REVEAL / m.group(1)).read_text(encoding="utf-8"), html)
    if PREFIX in html:
        raise RuntimeError("a reveal.js file was left unreplaced in the slides")
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(html, encoding="utf-8")
    return Path(output)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", nargs="?", default=str(ROOT / "solutions" / "00_introduction.ipynb"))
    parser.add_argument("--output", default=None,
                        help="the HTML file (default: slides/ in the workshop folder, the notebook's name "
                             "with .slides.html)")
    args = parser.parse_args(argv)
    if not Path(args.notebook).is_file():
        parser.error(f"no such notebook: {args.notebook}")
    output = args.output or OUTPUT / Path(args.notebook).with_suffix(".slides.html").name
    try:
        path = export(args.notebook, output)
    except ValueError as error:
        parser.error(str(error))
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB): open it in a browser; no internet needed")


if __name__ == "__main__":
    main()

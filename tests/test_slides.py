"""Notebook 00 is a slide show, and its export presents offline."""
import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import nbformat
import pytest

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


def links(html):
    """The targets of the page's links, outside its scripts (reveal.js's code writes links too), but anchors."""
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.DOTALL)
    return [href for href in re.findall(r'<a\s[^>]*?href="([^"]*)"', html) if not href.startswith("#")]


def test_the_link_to_notebook_01_works_where_the_page_lands(tmp_path):
    """The last slide links to 01_load_and_plot.ipynb next to notebook 00: the page's link reaches that file."""
    for output in (tmp_path / "intro.html", tmp_path / "deeper" / "down" / "intro.html"):
        html = export_slides.export(INTRO, output).read_text(encoding="utf-8")
        local = [href for href in links(html) if not re.match(r"[a-z]+:", href)]
        assert any(href.endswith("01_load_and_plot.ipynb") for href in local), local
        for href in local:
            target = (output.parent / urllib.parse.unquote(href)).resolve()
            assert target == (INTRO.parent / "01_load_and_plot.ipynb").resolve() or target.exists(), href


def test_a_link_to_a_missing_file_is_an_error_not_a_dead_link(tmp_path):
    html = '<a href="01_load_and_plot.ipynb">01</a> <a href="no_such.ipynb#top">x</a> <a href="https://x.org/a">y</a>'
    with pytest.raises(ValueError, match="no_such.ipynb, which does not exist next to it"):
        export_slides.relink(html, INTRO, tmp_path / "out" / "intro.html")
    fixed = export_slides.relink(html.replace("no_such", "02_forward_pass"), INTRO, tmp_path / "intro.html")
    assert links(fixed)[2] == "https://x.org/a", "a web address is left as it is"
    assert (tmp_path / urllib.parse.unquote(links(fixed)[1].split("#")[0])).resolve() == \
        (INTRO.parent / "02_forward_pass.ipynb").resolve() and links(fixed)[1].endswith("#top")


def test_the_page_goes_to_a_folder_git_ignores():
    output = export_slides.OUTPUT / "00_introduction.slides.html"
    assert output.parent == ROOT / "slides"
    done = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", str(output)])
    assert done.returncode == 0, "slides/ is not in .gitignore: the exported page would lie untracked in the repository"


def test_the_script_writes_to_output_and_says_where(tmp_path):
    done = subprocess.run([sys.executable, ROOT / "tools" / "export_slides.py", "--output", tmp_path / "s.html"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"wrote {tmp_path / 's.html'}" in done.stdout and (tmp_path / "s.html").is_file()
    assert list(tmp_path.iterdir()) == [tmp_path / "s.html"], "nothing else is written where it runs"
    done = subprocess.run([sys.executable, ROOT / "tools" / "export_slides.py", tmp_path / "none.ipynb"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "no such notebook" in done.stderr


@pytest.mark.browser
@pytest.mark.skipif(shutil.which("chromium") is None, reason="no Chromium on this machine (apt-get install chromium)")
def test_in_a_browser_the_last_slides_link_opens_notebook_01(tmp_path):
    """Chromium shows the page from its file, goes to the last slide and resolves its link to notebook 01."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    page_file = export_slides.export(INTRO, tmp_path / "room" / "intro.html")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            page.wait_for_function("() => window.Reveal && Reveal.isReady()")
            page.evaluate("() => Reveal.slide(Reveal.getHorizontalSlides().length - 1)")
            link = page.locator(".reveal .slides section.present a", has_text="01_load_and_plot.ipynb")
            link.wait_for(state="visible")
            href = link.evaluate("a => a.href")  # as the browser resolves it
        finally:
            browser.close()
    assert href.startswith("file://")
    target = Path(urllib.request.url2pathname(urllib.parse.urlparse(href).path))
    assert target.resolve() == (INTRO.parent / "01_load_and_plot.ipynb").resolve() and target.is_file(), href

"""A drawing pad for notebook 07: draw a digit (mouse, finger or keyboard) or give a photo, and read it.

``DrawingPad`` is an anywidget: the JavaScript below runs in the browser (JupyterLab 4, Notebook 7,
VS Code, Colab) with no build step. After every stroke it sends the drawing to Python as ``pixels``:
a SIZE x SIZE list of ink values from 0 to 255. ``digit_reader(net)`` puts it beside an upload for a
photo of a digit on paper, the network's three best guesses (in words and as bars) and the 28x28
image the network saw.
"""
import html

import anywidget
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import traitlets
from matplotlib.patches import Rectangle

from .digits import EmptyDrawing, PhotoError, photo_ink, preprocess_steps

SIZE = 112  # resolution of the image sent to Python; the pad is drawn 2.5 times larger
KEYS = ("Keyboard: Tab to the pad; arrow keys move the pen (with Shift, in small steps); "
        "Space puts the pen down or lifts it; Delete clears.")

_ESM = """
function render({ model, el }) {
  const size = model.get("size"), scale = 2.5, keys = model.get("key_help");
  const box = document.createElement("div");
  box.style.cssText = "position:relative;display:inline-block";
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size * scale;
  canvas.className = "digit-pad-canvas";
  canvas.tabIndex = 0;
  canvas.dataset.lmSuppressShortcuts = "true";  // JupyterLab leaves its keys (arrows, Space) to the pad
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-label", "Drawing pad: draw one digit. " + keys);
  canvas.style.cssText = "border:2px solid #888;border-radius:6px;background:white;touch-action:none;cursor:crosshair";
  canvas.addEventListener("focus", () => { canvas.style.outline = "3px solid #1a73e8"; pen.style.display = "block"; });
  canvas.addEventListener("blur", () => { canvas.style.outline = "none"; pen.style.display = "none"; });
  const pen = document.createElement("div");  // where the keyboard's pen is
  pen.className = "digit-pad-pen";
  pen.style.cssText = "position:absolute;width:14px;height:14px;margin:-7px 0 0 -7px;border:2px solid #1a73e8;" +
    "border-radius:50%;pointer-events:none;display:none";
  box.append(canvas, pen);
  const ctx = canvas.getContext("2d");
  ctx.lineWidth = 9 * scale; ctx.lineCap = "round"; ctx.lineJoin = "round"; ctx.strokeStyle = "black";
  let drawing = false, x = canvas.width / 2, y = canvas.height / 2, down = false;
  const status = document.createElement("div");
  status.className = "digit-pad-status";
  status.setAttribute("aria-live", "polite");
  const place = () => { pen.style.left = (2 + x * canvas.clientWidth / canvas.width) + "px";
    pen.style.top = (2 + y * canvas.clientHeight / canvas.height) + "px";
    pen.style.background = down ? "#1a73e8" : "transparent";
    status.textContent = "Pen " + (down ? "down (drawing)" : "up") + " at " + Math.round(x / scale) + ", " +
      Math.round(y / scale) + " of " + size + ". " + keys; };
  const at = (e) => { const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height]; };
  canvas.addEventListener("pointerdown", (e) => { drawing = true; canvas.setPointerCapture(e.pointerId);
    const [px, py] = at(e); ctx.beginPath(); ctx.moveTo(px, py); ctx.lineTo(px + 0.01, py); ctx.stroke(); });
  canvas.addEventListener("pointermove", (e) => { if (!drawing) return; const [px, py] = at(e); ctx.lineTo(px, py); ctx.stroke(); });
  const finish = () => { if (!drawing) return; drawing = false; send(); };
  canvas.addEventListener("pointerup", finish);
  canvas.addEventListener("pointerleave", finish);
  canvas.addEventListener("keydown", (e) => {
    const step = (e.shiftKey ? 2 : 8) * scale, moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (e.key in moves) {
      const nx = Math.min(Math.max(x + moves[e.key][0] * step, 0), canvas.width);
      const ny = Math.min(Math.max(y + moves[e.key][1] * step, 0), canvas.height);
      if (down) { ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(nx, ny); ctx.stroke(); }
      x = nx; y = ny;
    } else if (e.key === " ") {
      down = !down;
      if (down) { ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x + 0.01, y); ctx.stroke(); } else send();
    } else if (e.key === "Delete" || e.key === "Backspace") { wipe(); }
    else return;
    e.preventDefault(); e.stopPropagation(); place();
  });
  function send() {
    const small = document.createElement("canvas"); small.width = small.height = size;
    const sctx = small.getContext("2d"); sctx.drawImage(canvas, 0, 0, size, size);
    const data = sctx.getImageData(0, 0, size, size).data, pixels = new Array(size * size);
    for (let i = 0; i < size * size; i++) pixels[i] = data[4 * i + 3];
    model.set("pixels", pixels); model.save_changes();
  }
  function wipe() { ctx.clearRect(0, 0, canvas.width, canvas.height); down = false; model.set("pixels", []); model.save_changes(); }
  const clear = document.createElement("button");
  clear.textContent = "Clear"; clear.className = "digit-pad-clear";
  clear.setAttribute("aria-label", "Clear the drawing pad");
  clear.style.cssText = "display:block;margin-top:6px;padding:4px 16px";
  clear.addEventListener("click", () => { wipe(); place(); });
  status.style.cssText = "max-width:" + canvas.width + "px;font-size:12px;color:#333";
  place();
  el.append(box, clear, status);
}
export default { render };
"""


class DrawingPad(anywidget.AnyWidget):
    """Draw a digit; ``pad.image()`` is the drawing as a (SIZE, SIZE) array of ink in [0, 1]."""

    _esm = _ESM
    size = traitlets.Int(SIZE).tag(sync=True)
    key_help = traitlets.Unicode(KEYS).tag(sync=True)
    pixels = traitlets.List(traitlets.Int(), default_value=[]).tag(sync=True)

    def image(self):
        """The drawing: (SIZE, SIZE) floats, 0 where the pad is blank, 1 where the ink is solid."""
        if not self.pixels:
            return np.zeros((self.size, self.size))
        return np.asarray(self.pixels, dtype=float).reshape(self.size, self.size) / 255


def best_guesses(net, row, count=3):
    """The network's ``count`` most likely digits for one image row (784,): [(digit, probability), ...]."""
    outputs = np.asarray(net.feedforward(np.asarray(row, dtype=np.float32).reshape(1, -1))[0], dtype=float)
    probabilities = outputs / outputs.sum()  # softmax outputs already add up to 1
    order = np.argsort(-probabilities, kind="stable")[:count]
    return [(int(d), float(probabilities[d])) for d in order]


def reading_in_words(guesses):
    """[(digit, probability), ...] -> 'reads 7 (93.1%); next 1 (4.0%), then 9 (1.2%)'."""
    (first, p), rest = guesses[0], guesses[1:]
    return f"reads {first} ({p:.1%})" + ("; next " + ", then ".join(f"{d} ({q:.1%})" for d, q in rest) if rest else "")


def plot_seen(image, readings):
    """The 28x28 image the network saw, framed, and each network's three best guesses as bars.

    readings: {name: [(digit, probability), ...]}.
    """
    fig, axes = plt.subplots(1, 1 + len(readings), figsize=(2.4 + 2.6 * len(readings), 2.4),
                             gridspec_kw={"width_ratios": [1] + [1.3] * len(readings)})
    axes[0].imshow(image, cmap="gray_r", vmin=0, vmax=1)
    axes[0].set(xticks=[], yticks=[], title="what the network saw\n(28x28)")
    for ax, (name, guesses) in zip(axes[1:], readings.items()):
        digits, probabilities = zip(*guesses)
        ax.barh(range(len(guesses)), probabilities, color=["tab:blue"] + ["tab:gray"] * (len(guesses) - 1))
        ax.set(yticks=range(len(guesses)), yticklabels=[f"{d}: {p:.0%}" for d, p in guesses], xlim=(0, 1),
               title=f"{name}: {digits[0]}" if name else f"the network reads: {digits[0]}")
        ax.invert_yaxis()
        ax.tick_params(axis="x", labelsize=8)
    fig.tight_layout()
    plt.show()


def plot_steps(steps):
    """The preparation of a drawing (digits.preprocess_steps), every image at the same scale, each in a frame,
    so that the sizes can be compared: the drawing is large, the network's image is 28x28."""
    names = ["drawn", "cropped", "scaled", "centred"]
    tall = max(steps[n].shape[0] for n in names)
    widths = [max(steps[n].shape[1], 40) for n in names]  # at least 40 pixels of room for each title
    fig, axes = plt.subplots(1, 4, figsize=(2.2 * sum(widths) / tall + 1, 2.8), gridspec_kw={"width_ratios": widths})
    for ax, name, room in zip(axes, names, widths):
        h, w = steps[name].shape
        ax.imshow(steps[name], cmap="gray_r", vmin=0, vmax=1, extent=(0, w, h, 0))
        ax.add_patch(Rectangle((0, 0), w, h, fill=False, edgecolor="tab:blue", linewidth=1.5))
        ax.set(xlim=((w - room) / 2, (w + room) / 2), ylim=(tall, 0), title=f"{name}\n{h}x{w}")
        ax.axis("off")
    fig.tight_layout()
    plt.show()


def _networks(net):
    """One network, or {name: network} -> {name or '': network}."""
    return dict(net) if isinstance(net, dict) else {"": net}


def digit_reader(net):
    """A drawing pad and a photo upload wired to ``net`` (a network, or {name: network} to compare several).

    After every stroke, and for every photo: the 28x28 image each network saw and its three best
    guesses, in words and in a picture.
    """
    networks = _networks(net)
    pad = DrawingPad()
    upload = widgets.FileUpload(accept="image/*", multiple=False, description="Read a photo",
                                tooltip="Read a photo or scan of one digit written on paper (PNG or JPEG)",
                                icon="camera")
    words = widgets.HTML()
    picture = widgets.Output()
    help_text = widgets.HTML("<small>Or a photo: one digit on paper, any pen, any light.</small>")

    def show(source, image):
        try:
            steps = preprocess_steps(image)
        except EmptyDrawing as empty:
            picture.clear_output()
            words.value = f'<p role="status">{empty}</p>'
            return
        picture.clear_output(wait=True)
        readings = {name: best_guesses(n, steps["centred"].reshape(-1)) for name, n in networks.items()}
        lines = [f"{name + ' ' if name else 'The network '}{reading_in_words(g)}." for name, g in readings.items()]
        words.value = f'<p role="status"><b>{source}:</b> ' + " ".join(lines) + "</p>"
        with picture:
            plot_seen(steps["centred"], readings)

    def read_drawing(change=None):
        show("Your drawing", pad.image())

    def read_photo(change):
        if not upload.value:
            return
        item = upload.value[0]
        try:
            show(f"The photo {html.escape(item['name'])}", photo_ink(item["content"]))
        except PhotoError as error:
            picture.clear_output()
            words.value = f'<p role="status">{html.escape(str(error))}</p>'

    pad.observe(read_drawing, names="pixels")
    upload.observe(read_photo, names="value")
    read_drawing()
    return widgets.HBox([widgets.VBox([pad, upload, help_text]), widgets.VBox([words, picture])])

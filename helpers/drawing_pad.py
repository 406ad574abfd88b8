"""A drawing pad for notebook 07: draw a digit with the mouse (or a finger), read it in Python.

An anywidget: the JavaScript below runs in the browser (JupyterLab 4, Notebook 7,
VS Code, Colab) with no build step. After every stroke it sends the drawing to
Python as ``pixels``: a SIZE x SIZE list of ink values from 0 to 255.
"""
import anywidget
import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import traitlets

from .digits import EmptyDrawing, preprocess_steps
from .plots import plot_reading

SIZE = 112  # resolution of the image sent to Python; the pad is drawn 2.5 times larger

_ESM = """
function render({ model, el }) {
  const size = model.get("size"), scale = 2.5;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size * scale;
  canvas.className = "digit-pad-canvas";
  canvas.style.cssText = "border:2px solid #888;border-radius:6px;background:white;touch-action:none;cursor:crosshair";
  const ctx = canvas.getContext("2d");
  ctx.lineWidth = 9 * scale; ctx.lineCap = "round"; ctx.lineJoin = "round"; ctx.strokeStyle = "black";
  let drawing = false;
  const at = (e) => { const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height]; };
  canvas.addEventListener("pointerdown", (e) => { drawing = true; canvas.setPointerCapture(e.pointerId);
    const [x, y] = at(e); ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x + 0.01, y); ctx.stroke(); });
  canvas.addEventListener("pointermove", (e) => { if (!drawing) return; const [x, y] = at(e); ctx.lineTo(x, y); ctx.stroke(); });
  const finish = () => { if (!drawing) return; drawing = false; send(); };
  canvas.addEventListener("pointerup", finish);
  canvas.addEventListener("pointerleave", finish);
  function send() {
    const small = document.createElement("canvas"); small.width = small.height = size;
    const sctx = small.getContext("2d"); sctx.drawImage(canvas, 0, 0, size, size);
    const data = sctx.getImageData(0, 0, size, size).data, pixels = new Array(size * size);
    for (let i = 0; i < size * size; i++) pixels[i] = data[4 * i + 3];
    model.set("pixels", pixels); model.save_changes();
  }
  const clear = document.createElement("button");
  clear.textContent = "Clear"; clear.className = "digit-pad-clear";
  clear.style.cssText = "display:block;margin-top:6px;padding:4px 16px";
  clear.addEventListener("click", () => { ctx.clearRect(0, 0, canvas.width, canvas.height);
    model.set("pixels", []); model.save_changes(); });
  el.append(canvas, clear);
}
export default { render };
"""


class DrawingPad(anywidget.AnyWidget):
    """Draw a digit; ``pad.image()`` is the drawing as a (SIZE, SIZE) array of ink in [0, 1]."""

    _esm = _ESM
    size = traitlets.Int(SIZE).tag(sync=True)
    pixels = traitlets.List(traitlets.Int(), default_value=[]).tag(sync=True)

    def image(self):
        """The drawing: (SIZE, SIZE) floats, 0 where the pad is blank, 1 where the ink is solid."""
        if not self.pixels:
            return np.zeros((self.size, self.size))
        return np.asarray(self.pixels, dtype=float).reshape(self.size, self.size) / 255


def digit_reader(net):
    """A drawing pad wired to ``net``: after every stroke, the preprocessing steps and the network's answer."""
    pad, output = DrawingPad(), widgets.Output()

    def read(change=None):
        with output:
            output.clear_output(wait=True)
            try:
                steps = preprocess_steps(pad.image())
            except EmptyDrawing as empty:
                print(empty)
                return
            plot_reading(steps, net.feedforward(steps["centred"].reshape(1, -1))[0])
            plt.show()

    pad.observe(read, names="pixels")
    read()
    return widgets.HBox([pad, output])

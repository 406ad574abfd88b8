"""Showing training as it happens: a progress bar, a line per epoch, a live plot."""
import matplotlib.pyplot as plt
from IPython.display import display
from tqdm.auto import tqdm

from .plots import draw_history


class TrainingProgress:
    """A callback for ``Network.sgd``: ``net.sgd(..., callback=TrainingProgress(epochs))``.

    After every epoch it advances a progress bar, prints the epoch's cost and accuracy, and
    redraws the learning curves in place (in a notebook; as text elsewhere).
    """

    def __init__(self, epochs):
        self.epochs = epochs
        self.bar = tqdm(total=epochs, unit="epoch")
        self.figure_display = None

    def __call__(self, epoch, history):
        line = (f"epoch {epoch + 1:>2}/{self.epochs}: cost {history['cost'][-1]:.4f}, "
                f"training accuracy {history['train_accuracy'][-1]:.2%}")
        if history["val_accuracy"]:
            line += f", validation accuracy {history['val_accuracy'][-1]:.2%}"
        self.bar.update(1)
        self.bar.write(line)
        figure = draw_history(history)
        if self.figure_display is None:
            self.figure_display = display(figure, display_id=True)
        else:
            self.figure_display.update(figure)
        plt.close(figure)
        if epoch + 1 == self.epochs:
            self.bar.close()


class EpochBar:
    """Only a progress bar over the epochs, for training that prints nothing else.

    ``net.sgd(..., callback=EpochBar(20, "ours"))``; for Keras,
    ``model.fit(..., callbacks=[EpochBar(20, "Keras").keras_callback()])``.
    """

    def __init__(self, epochs, description):
        self.epochs = epochs
        self.bar = tqdm(total=epochs, unit="epoch", desc=description)

    def __call__(self, epoch, history=None):
        self.bar.update(1)
        if self.bar.n >= self.epochs:
            self.bar.close()

    def keras_callback(self):
        """The same bar as a Keras callback (Keras is imported only here: notebook 06 alone uses it)."""
        import keras

        bar = self

        class EpochBarCallback(keras.callbacks.Callback):
            def on_epoch_end(self, epoch, logs=None):
                bar(epoch)

        return EpochBarCallback()

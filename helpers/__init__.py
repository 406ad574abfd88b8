"""Helpers for the workshop notebooks: data, pictures, checks and reference code.

Each notebook teaches one part of a neural network; what earlier notebooks
taught is here in a reference version, so any notebook can start cold.
"""
from .data import DATA_DIR, DataError, load_idx, load_mnist, one_hot
from .nn import (accuracy, backprop, cost, feedforward, numerical_gradient, predict,
                 random_network, relative_error, sigmoid, sigmoid_prime)
from .plots import plot_digit_counts, plot_mean_images, plot_pixel_histogram, show_images
from .network import Network, NetworkFileError
from .progress import EpochBar, TrainingProgress
from . import shared_server, threads
from .threads import use_blas_threads
from . import room  # checks report to a room only once the learner joined one (helpers/room.py)

shared_server.release_after_each_cell()  # only where the workshop's hub asks for it
threads.from_setting()  # one BLAS thread, unless WORKSHOP_BLAS_THREADS says otherwise (helpers/threads.py)

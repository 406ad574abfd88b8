"""The workshop's JupyterHub: its settings (jupyterhub_config.py), its participants' Unix users (users.py,
accounts.py), and launch.py, which starts it for tests and tools."""

# What every participant's server, and so each of its kernels, gets in its environment, on top of
# WORKSHOP_CACHE_DIR, WORKSHOP_ROOM_URL (jupyterhub_config.py) and JUPYTER_RUNTIME_DIR (users.py).
# Measured with tools/memory.py --hub:
MEMORY_ENVIRONMENT = {
    # One BLAS thread per kernel: 30 kernels on a few cores gain nothing from more, and each thread
    # holds its own buffers (about 20 MB per kernel). A lone training is about 15% slower on 2 cores.
    "OPENBLAS_NUM_THREADS": "1",
    # After every cell, give back what the cell freed (helpers/shared_server.py): about 25 MB per kernel,
    # for about 40 ms at the end of each cell.
    "WORKSHOP_RELEASE_MEMORY": "1",
}

"""The workshop's JupyterHub: its settings (jupyterhub_config.py) and launch.py, which starts it for tests and tools."""

"""The room: the instructor sees, live, which TODO every participant has passed and what the room is stuck on.

Start it with ``python -m room`` (see ``python -m room --help``); participants join from a notebook
with ``helpers.room.join(...)``, as the room prints. Everything is kept in one SQLite file. On the
workshop's JupyterHub it is the hub's service (``--hub``, room/hub.py) and participants run ``helpers.room.join()``.
"""

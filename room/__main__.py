"""``python -m room``: open the room on this laptop and print how to join it and the instructor's link.

``python -m room --hub``: the room as a JupyterHub service, which the hub starts (hub/jupyterhub_config.py).
"""
import argparse
import asyncio
import logging
import os
import socket
import sqlite3
import sys
import urllib.parse
from pathlib import Path

import tornado.httpserver

from .server import make_app
from .store import Room
from .todos import workshop_todos


def lan_address():
    """This machine's address on the local network (the one a default route would use), else 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # no packet is sent: this only picks the outgoing interface
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m room", description=__doc__)
    parser.add_argument("--db", default="room.sqlite3", type=Path,
                        help="the room's SQLite file (default: room.sqlite3 here); the same file, the same room")
    parser.add_argument("--port", type=int, default=8765, help="the port (default: 8765)")
    parser.add_argument("--host", default="0.0.0.0",
                        help="the address to listen on (default: every network of this machine)")
    parser.add_argument("--per-address", type=int, default=4,
                        help="the most participants joining from one network address (default: 4: a laptop "
                             "shared by a few; each laptop on the room's network has its own address)")
    parser.add_argument("--delete", action="store_true", help="delete the room's file and stop")
    parser.add_argument("--hub", action="store_true",
                        help="run as the JupyterHub service the hub starts: the address and prefix come from the "
                             "hub, and the hub says who is who (no room code, no key)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
    logging.getLogger("tornado.access").setLevel(logging.ERROR)  # refusals are answered, not logged one by one
    if args.delete:
        for path in (args.db, Path(f"{args.db}-wal"), Path(f"{args.db}-shm")):
            path.unlink(missing_ok=True)
        print(f"Deleted the room's data ({args.db}).")
        return
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        print("The room is closed.", file=sys.stderr)


def open_room(db, per_address):
    """The Room in ``db`` (its folder made if need be); SystemExit with the reason if it cannot be opened."""
    try:
        db.resolve().parent.mkdir(parents=True, exist_ok=True)
        return Room(db, workshop_todos(), per_address=per_address)
    except (OSError, sqlite3.Error) as error:
        raise SystemExit(f"Cannot open the room's file {db.resolve()}: {error}") from None


def listen(app, room, host, port, other_port="--port"):
    """Serve ``app`` on host:port; SystemExit with the reason (and ``room`` closed) if it cannot."""
    server = tornado.httpserver.HTTPServer(app, max_body_size=1024 * 1024)  # the room's handlers read more, for a 413
    try:
        server.listen(port, host, backlog=1024)  # a whole class may connect in the same instant
    except OSError as error:
        room.close()
        raise SystemExit(f"Cannot listen on {host}:{port} ({error.strerror}): is a room already "
                         f"running? Stop it, or choose another port with {other_port}.") from None


async def serve(args):
    """Open the room and serve it until stopped."""
    if args.hub:
        return await serve_on_hub(args)
    room = open_room(args.db, args.per_address)
    listen(make_app(room), room, args.host, args.port)
    host = lan_address() if args.host in ("0.0.0.0", "") else args.host
    url = f"http://{host}:{args.port}"
    print(f"The room is open; its data is kept in {args.db.resolve()}.\n"
          f"Participants join by running this in a notebook (with their own name):\n\n"
          f'    helpers.room.join("{url}", code="{room.code}", name="Ada")\n\n'
          f"Your page (keep this link to yourself: it holds the instructor's key):\n\n"
          f"    {url}/instructor?key={room.key}\n\n"
          f"Stop the room with Ctrl+C; start it again the same way and it is as it was.", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        room.close()


async def serve_on_hub(args):
    """The room as the hub's service: on the address and under the prefix the hub gives, until stopped."""
    if not os.environ.get("JUPYTERHUB_SERVICE_URL") or not os.environ.get("JUPYTERHUB_SERVICE_PREFIX"):
        raise SystemExit("--hub is for the room JupyterHub starts as its service (hub/jupyterhub_config.py): "
                         "JUPYTERHUB_SERVICE_URL and JUPYTERHUB_SERVICE_PREFIX are not set.")
    address = urllib.parse.urlsplit(os.environ["JUPYTERHUB_SERVICE_URL"])
    prefix = os.environ["JUPYTERHUB_SERVICE_PREFIX"]
    from .hub import make_app as make_hub_app  # only here: a laptop's room needs no JupyterHub installed
    room = open_room(args.db, None)  # every kernel may post from the same address: the hub says who is who
    listen(make_hub_app(room, prefix), room, address.hostname, address.port, "WORKSHOP_ROOM_PORT")
    print(f"The room is open at {prefix} on the hub; its data is kept in {args.db.resolve()}.\n"
          f"The hub's admins open {prefix}instructor; participants run helpers.room.join() in a notebook.",
          flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        room.close()


if __name__ == "__main__":
    main()

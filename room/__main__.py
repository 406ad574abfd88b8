"""``python -m room``: open the room on this laptop and print how to join it and the instructor's link."""
import argparse
import asyncio
import logging
import socket
import sys
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
    parser.add_argument("--per-address", type=int, default=20,
                        help="the most participants joining from one network address (default: 20)")
    parser.add_argument("--delete", action="store_true", help="delete the room's file and stop")
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


async def serve(args):
    """Open the room and serve it until stopped."""
    room = Room(args.db, workshop_todos(), per_address=args.per_address)
    server = tornado.httpserver.HTTPServer(make_app(room), max_body_size=1024 * 1024)  # larger: the connection is closed
    try:
        server.listen(args.port, args.host, backlog=1024)  # a whole class may connect in the same instant
    except OSError as error:
        room.close()
        raise SystemExit(f"Cannot listen on {args.host}:{args.port} ({error.strerror}): is a room already "
                         "running? Stop it, or choose another port with --port.") from None
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


if __name__ == "__main__":
    main()

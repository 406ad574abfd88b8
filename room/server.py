"""The room's web server (tornado): participants' kernels post events, the instructor watches.

Routes, under ``prefix`` (``/`` on a laptop; ``/services/room/`` as a JupyterHub service):

- ``POST api/join`` and ``POST api/events``: for participants, with the room code; they can read nothing;
- ``instructor``, ``api/state``, ``api/stream`` (server-sent events), ``export.csv``, ``POST api/delete``,
  ``POST api/hide`` (a participant off the page, their events refused): for the instructor, who opens
  ``instructor?key=KEY`` once (the key then sits in a cookie, out of the address bar on a projector).
  Who is the instructor is decided in ``get_current_user`` alone.

Any body over ``events.MAX_BODY`` bytes is read to its end (up to ``DRAIN``) and answered 413 in words,
so that a sender who writes the whole body before reading sees why, not a reset connection.
On a JupyterHub the hub says who is who instead: room/hub.py builds on this module (never the reverse).
"""
import asyncio
import hmac
import json
import time
from datetime import timedelta
from pathlib import Path

import tornado.iostream
import tornado.queues
import tornado.util
import tornado.web

from . import events
from .events import Refused

STATIC = Path(__file__).resolve().parent / "static"
WRONG_CODES = 20  # wrong room codes from one address before it is refused for LOCKOUT seconds
LOCKOUT = 600
COOKIE = "room_key"
DRAIN = 1 << 30  # bytes of an oversized body read (and thrown away) to answer 413; beyond, the connection is closed


@tornado.web.stream_request_body
class BodyLimit(tornado.web.RequestHandler):
    """A request's body as it streams in: the first MAX_BODY bytes kept, the rest counted and thrown away."""

    def prepare(self):
        self.kept, self.size = bytearray(), 0
        self.request.connection.set_max_body_size(DRAIN)

    def data_received(self, chunk):
        self.size += len(chunk)
        if len(self.kept) <= events.MAX_BODY:
            self.kept += chunk[:events.MAX_BODY + 1 - len(self.kept)]

    def body(self):
        """The body (bytes); Refused (413) when it is over MAX_BODY bytes."""
        if self.size > events.MAX_BODY:
            raise Refused(413, f"The body is {self.size} bytes; the room takes at most {events.MAX_BODY}.")
        return bytes(self.kept)


class Static(BodyLimit, tornado.web.StaticFileHandler):
    """The page's files (a body sent to them is read and answered too)."""


class Handler(BodyLimit):
    """What every page and API call shares: headers, errors as plain words, who is the instructor."""

    @property
    def room(self):
        return self.application.settings["room"]

    def set_default_headers(self):
        self.set_header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("Cache-Control", "no-store")

    def get_current_user(self):
        """"instructor" for a request with the instructor's key (cookie), else None."""
        given = self.get_cookie(COOKIE, "")
        return "instructor" if hmac.compare_digest(given.encode(), self.room.key.encode()) else None

    def require_instructor(self):
        if not self.current_user:
            raise tornado.web.HTTPError(403, reason="Only the instructor: open the link the room printed.")

    def write_error(self, status_code, **kwargs):
        error = kwargs.get("exc_info", (None, None))[1]
        message = str(error) if isinstance(error, Refused) else self._reason
        self.finish({"error": message})

    def refuse(self, refused):
        """Answer a Refused request: its status, and why in plain words (and when to try again, if ever)."""
        self.set_status(refused.status)
        if refused.retry_after:
            self.set_header("Retry-After", str(refused.retry_after))
        self.finish({"error": str(refused)})


class Participant(Handler):
    """Posting needs the room code; too many wrong codes from one address, and it is refused a while."""

    def check_code(self, code):
        wrong = self.application.settings["wrong_codes"]
        count, first = wrong.get(self.request.remote_ip, (0, 0.0))
        if time.time() - first > LOCKOUT:
            count, first = 0, time.time()
        if count >= WRONG_CODES:
            raise Refused(429, "Too many wrong room codes from this address; try again in 10 minutes.", LOCKOUT)
        if not (isinstance(code, str) and hmac.compare_digest(code.encode(), self.room.code.encode())):
            wrong[self.request.remote_ip] = (count + 1, first)
            raise Refused(403, "Wrong room code.")


class Join(Participant):
    """A kernel asks, before it joins, whether its room code is right (it learns nothing else)."""

    def post(self):
        try:
            self.check_code(events.json_body(self.body(), {"code"})["code"])
        except Refused as refused:
            return self.refuse(refused)
        self.set_status(204)
        self.finish()


class Events(Participant):
    """One check's outcome from a participant's kernel: 201 stored, 200 already stored, else 4xx."""

    def accept(self, body):
        """The event in ``body``, checked, sent with the room's code; raises Refused otherwise."""
        event = events.parse(body, self.room.todo_set, time.time())
        self.check_code(event["code"])
        return event

    async def post(self):
        try:
            cells = self.room.add(self.accept(self.body()), self.request.remote_ip)
        except Refused as refused:
            return self.refuse(refused)
        await self.application.settings["committed"](cells or [])  # answered once it is on the disk
        self.set_status(201 if cells else 200)
        self.finish({"stored": cells is not None})


class Home(Handler):
    def get(self):
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish("This is a workshop room. Participants join from a notebook with helpers.room.join(...);\n"
                    "the instructor opens the link the room printed when it started.\n")


class InstructorPage(Handler):
    def get(self):
        key = self.get_query_argument("key", None)
        if key is not None:  # the printed link: keep the key in a cookie, and out of the address bar
            if not hmac.compare_digest(key.encode(), self.room.key.encode()):
                raise tornado.web.HTTPError(403, reason="Wrong instructor key.")
            self.set_cookie(COOKIE, key, httponly=True, samesite="Strict", expires_days=30)
            self.redirect("instructor")
            return
        self.show()

    def show(self):
        self.require_instructor()
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish((STATIC / "room.html").read_bytes())


class State(Handler):
    def get(self):
        self.require_instructor()
        self.finish({**self.room.state(), "version": self.application.settings["version"][0],
                     "hub": self.application.settings["hub"]})


class Export(Handler):
    def get(self):
        self.require_instructor()
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", 'attachment; filename="room.csv"')
        self.finish(self.room.csv())


class InstructorPost(Handler):
    """A change the instructor makes, in JSON only: a form on another site cannot send it without the browser
    asking first."""
    fields = set()

    def instructors_json(self):
        """The body: a JSON object with exactly ``fields``, from the instructor; raises Refused otherwise."""
        self.require_instructor()
        if not self.request.headers.get("Content-Type", "").startswith("application/json"):
            raise Refused(400, f"Send a JSON object with {', '.join(sorted(self.fields))} as application/json.")
        return events.json_body(self.body(), self.fields)


class Delete(InstructorPost):
    fields = {"confirm"}

    def post(self):
        try:
            if self.instructors_json()["confirm"] != "delete":
                raise Refused(400, 'Send {"confirm": "delete"} as application/json.')
        except Refused as refused:
            return self.refuse(refused)
        self.room.delete()
        self.application.settings["broadcast"](None)
        self.finish({"deleted": True})


class Hide(InstructorPost):
    """Hide a participant (their events are refused from then on), or show them again: it outlives a restart."""
    fields = {"participant", "hidden"}

    def post(self):
        try:
            asked = self.instructors_json()
            if not isinstance(asked["participant"], str) or not isinstance(asked["hidden"], bool):
                raise Refused(400, "participant must be a participant's id, hidden true or false.")
            self.room.hide(asked["participant"], asked["hidden"])
        except Refused as refused:
            return self.refuse(refused)
        self.application.settings["broadcast"](None)
        self.finish({"hidden": asked["hidden"]})


class Stream(Handler):
    """Server-sent events: one message per change of the room, for as long as the page is open."""

    async def get(self):
        self.require_instructor()
        self.set_header("Content-Type", "text/event-stream")
        queue = tornado.queues.Queue(maxsize=5000)
        streams = self.application.settings["streams"]
        streams.add(queue)
        try:
            self.write("retry: 1000\n\n")  # if the room goes away, the page tries again every second
            await self.flush()
            while queue in streams:
                try:
                    message = await queue.get(timeout=timedelta(seconds=15))
                except tornado.util.TimeoutError:
                    message = ": still here"  # a comment, so proxies and phones keep the connection
                self.write(message + "\n\n")
                await self.flush()
        except tornado.iostream.StreamClosedError:
            pass
        finally:
            streams.discard(queue)


def make_app(room, prefix="/", handlers=None, hub=False, **settings):
    """The tornado application for ``room`` (a store.Room), its routes under ``prefix``.

    ``handlers``: routes to replace or add (room/hub.py's, which ask the hub who is who, with ``hub``
    True and the ``settings`` they need)."""
    streams, version, waiting, changed = set(), [0], [], {}

    def committed(cells):
        """A future done once what was added is committed, with ``cells`` (the cells it changed).

        One commit (one write to the disk) for every event that arrived while the previous one was
        being written, however many that is; then the open pages are told of the cells it changed."""
        future = asyncio.get_running_loop().create_future()
        waiting.append(future)
        for cell in cells:
            changed[cell["participant"], cell["notebook"], cell["todo"]] = cell
        if len(waiting) == 1:
            asyncio.get_running_loop().call_soon(commit)
        return future

    def commit():
        batch, cells = waiting[:], list(changed.values())
        waiting.clear()
        changed.clear()
        room.commit()
        if cells:
            broadcast(cells)
        for future in batch:
            future.set_result(None)

    def broadcast(cells):
        """Tell every open instructor's page of changed cells (None: reload all, e.g. data deleted, someone hidden)."""
        version[0] += 1
        if not streams:
            return
        if cells is None:
            message = {"type": "reset", "version": version[0]}
        else:
            todos = sorted({(cell["notebook"], cell["todo"]) for cell in cells})
            message = {"type": "cells", "version": version[0], "cells": cells,
                       "summaries": [room.summary(*todo) for todo in todos]}
        line = "data: " + json.dumps(message)
        for queue in list(streams):
            try:
                queue.put_nowait(line)
            except tornado.queues.QueueFull:  # a page too far behind: dropped; it reconnects, reloads the state
                streams.discard(queue)

    routes = {"": Home, "instructor": InstructorPage, "api/join": Join, "api/events": Events, "api/state": State,
              "api/stream": Stream, "export.csv": Export, "api/delete": Delete, "api/hide": Hide, **(handlers or {})}
    return tornado.web.Application(
        [(prefix + path, handler) for path, handler in routes.items()] +
        [(prefix + r"static/(.*)", Static, {"path": str(STATIC)})],
        room=room, broadcast=broadcast, committed=committed, streams=streams, version=version, wrong_codes={},
        hub=hub, prefix=prefix, **settings)

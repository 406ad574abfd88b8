"""Join the instructor's room, so that they see which TODOs you have passed and where you are stuck.

    helpers.room.join("http://192.168.1.20:8765", code="K7Q2", name="Ada")   # once, in any notebook
    helpers.room.join()                                  # the same, on the workshop's JupyterHub
    helpers.room.leave()                                 # and nothing is sent again

Joining writes a small file, ``.room.json``, in the workshop folder; from then on every notebook's
checks report to the room (a notebook already open does so once its kernel is restarted). Nothing
is sent unless you join. What is sent, and only this: the name you typed, a random number made
when you joined, the notebook, the TODO, passed or failed, the named cause, and the time.
On the workshop's JupyterHub there is no name, number or code to type: each event goes with your
server's hub token ($JUPYTERHUB_API_TOKEN, which the hub set for this server), with which the
room asks the hub for your user name, and shows you by it. The room is the hub's own service, run
by the hub's administrators (who can open your server anyway); it writes no token down (it remembers
each for a few minutes, so as not to ask the hub at every check).

A check never waits for the room: its outcome goes into a queue (the latest QUEUE_SIZE are kept),
and a background thread sends it, with a short timeout. While the room cannot be reached, events
wait, and are sent once when it is back. When the room refuses you for good (a wrong code, too many
participants from your address, the instructor took you out), nothing more is sent from this
kernel, and the next check says so once, in words.
"""
import collections
import json
import os
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .errors import FriendlyError

FILE = Path(__file__).resolve().parent.parent / ".room.json"  # in the workshop folder, for every notebook
QUEUE_SIZE = 500  # events kept while the room is unreachable (the oldest go first)
TIMEOUT = 5.0  # seconds to wait for the room, in the background (a busy room answers late, not never)
RETRY = (0.5, 10.0)  # seconds between tries while the room is down: first, most
WHAT_IS_SENT = ("the name you typed, a random number made when you joined, the notebook, the TODO, "
                "passed or failed, the named cause, and the time; never your code, your data, "
                "file paths, user or machine names")
WHAT_IS_SENT_ON_THE_HUB = ("the notebook, the TODO, passed or failed, the named cause, and the time, with this "
                           "server's hub token, with which the room asks the hub your user name; never your "
                           "code, your data or file paths")
ON_THE_HUB = ("WORKSHOP_ROOM_URL", "JUPYTERHUB_API_TOKEN")  # what the workshop's hub sets in every server
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # the room is on the local network
_reporter = None


class Reporter:
    """A listener for helpers.check.LISTENERS that sends each check's outcome to the room at ``url``.

    Called with an ``Outcome``, it only puts the event in its queue; its thread does the sending.
    ``sent`` counts events the room has, ``dropped`` events that did not fit in the queue,
    ``problem`` says what went wrong last (None once an event gets through), ``refused`` why the room
    will take nothing more from this participant (then the thread has stopped). With a hub ``token``
    (``code`` and ``participant`` None), each event goes with the token and names nobody: the hub says who.
    """

    def __init__(self, url, code, name, participant, timeout=TIMEOUT, retry=RETRY, token=None):
        self.address, self.name = url.rstrip("/") + "/api/events", name
        self.fields = {} if token else {"code": code, "participant": participant, "name": name}
        self.headers = {"Content-Type": "application/json", **_authorization(token)}
        self.timeout, self.retry = timeout, retry
        self.queue = collections.deque(maxlen=QUEUE_SIZE)
        self.lock, self.wake, self.stop = threading.Lock(), threading.Event(), threading.Event()
        self.sent = self.dropped = 0
        self.problem = self.refused = None
        self.told = False
        self.thread = threading.Thread(target=self._run, name="helpers.room", daemon=True)
        self.thread.start()

    def __call__(self, outcome):
        if self.refused is not None:  # said once, in the output of the check that is running now
            if not self.told:
                self.told = True
                print(f"The room refused this notebook's reports: {self.refused}\nNothing more is sent to it from "
                      "this notebook; to join again, run the line the instructor shows.")
            return
        event = {**self.fields, "id": secrets.token_hex(10), "notebook": outcome.notebook, "todo": outcome.todo,
                 "passed": outcome.passed, "cause": outcome.cause, "time": time.time()}
        with self.lock:
            self.dropped += len(self.queue) == self.queue.maxlen
            self.queue.append(event)
            self.wake.set()

    def close(self):
        """Stop sending (what is still queued is not sent)."""
        self.stop.set()
        self.wake.set()

    def _run(self):
        delay = self.retry[0]
        while not self.stop.is_set():
            self.wake.wait()
            with self.lock:
                if not self.queue:
                    self.wake.clear()
                    continue
                event = self.queue[0]
            result = self._send(event)
            if result == "later":
                self.stop.wait(delay)
                delay = min(2 * delay, self.retry[1])
                continue
            if result == "stop":
                with self.lock:
                    self.queue.clear()
                self.stop.set()
                return
            delay = self.retry[0]
            with self.lock:
                if self.queue and self.queue[0] is event:
                    self.queue.popleft()

    def _send(self, event):
        """POST one event: "sent"; "refused" (this event, never: the next one may do); "stop" (the room
        refuses this participant for good: ``refused`` says why); or "later" (try again)."""
        request = urllib.request.Request(self.address, data=json.dumps({**event, "sent": time.time()}).encode(),
                                         headers=self.headers, method="POST")
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                response.read()
            self.sent += 1
            self.problem = None
            return "sent"
        except urllib.error.HTTPError as error:
            reason = _reason(error)
            self.problem = f"the room answered {error.code}: {reason}"
            if error.code >= 500 or error.headers.get("Retry-After"):
                return "later"
            if error.code in (401, 403, 429):  # who is sending, not what: the same answer for every event
                self.refused = reason
                return "stop"
            return "refused"
        except Exception as error:  # noqa: BLE001 -- unreachable, timed out, anything: wait and try again
            self.problem = f"the room cannot be reached ({type(error).__name__})"
            return "later"


def join(url=None, code=None, name=None):
    """Join the room at ``url`` with its ``code``, as ``name``: from now on every check reports to it.

    With no arguments, on the workshop's JupyterHub: join the hub's room, as your hub user."""
    if url is None and code is None and name is None:
        return _join_the_hubs_room()
    parts = urllib.parse.urlsplit(url if isinstance(url, str) else "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FriendlyError(f'The room\'s address looks like "http://192.168.1.20:8765", not {url!r}.')
    if not (isinstance(code, str) and code.strip().isalnum() and len(code.strip()) <= 16):
        raise FriendlyError(f"The room code is a few letters and digits, such as \"K7Q2\", not {code!r}.")
    if not (isinstance(name, str) and 1 <= len(" ".join(name.split())) <= 40 and name.isprintable()):
        raise FriendlyError("Your name: 1 to 40 characters, as you want the instructor to see it.")
    url, code, name = url.rstrip("/"), code.strip().upper(), " ".join(name.split())
    reachable = _code_is_right(url, code)
    old = _read()
    participant = old["participant"] if old and old.get("url") == url else secrets.token_hex(8)
    _save({"url": url, "code": code, "name": name, "participant": participant})
    print(f"You joined the room at {url} as {name}." + ("" if reachable else
          " It cannot be reached right now; your checks will report when it can.") +
          f"\nEvery check in every notebook now sends the room {WHAT_IS_SENT}."
          "\nTo stop: helpers.room.leave()")


def _join_the_hubs_room():
    """join() on the workshop's JupyterHub: the room is the hub's service, and the hub says who you are."""
    url, token = (os.environ.get(name, "") for name in ON_THE_HUB)
    if not token:
        raise FriendlyError('helpers.room.join() with nothing in the brackets is for the workshop\'s JupyterHub, '
                            'and this is not one. Type the line the instructor shows, for example: '
                            'helpers.room.join("http://192.168.1.20:8765", code="K7Q2", name="Ada")')
    if not url:
        raise FriendlyError("This JupyterHub has no room for the workshop (WORKSHOP_ROOM_URL is not set): "
                            "ask the instructor which line to type.")
    url = url.rstrip("/")
    name = _hub_name(url, token)
    reachable = name is not None
    name = name or os.environ.get("JUPYTERHUB_USER", "your hub user")
    _save({"hub_user": name})  # the token is not written down: the hub gives each server its own
    print(f"You joined the hub's room as {name}." + ("" if reachable else
          " It cannot be reached right now; your checks will report when it can.") +
          f"\nEvery check in every notebook now sends the room {WHAT_IS_SENT_ON_THE_HUB}."
          "\nTo stop: helpers.room.leave()")


def _save(settings):
    """Write ``settings`` to .room.json, for every notebook, and report to that room from now on."""
    try:
        FILE.write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise FriendlyError(f"Could not write {FILE.name} in the workshop folder ({error.strerror}).") from None
    _start(settings)


def leave():
    """Leave the room: delete the workshop folder's .room.json; checks send nothing from now on."""
    FILE.unlink(missing_ok=True)
    _start(None)
    print("You left the room: the checks send nothing from now on (restart other notebooks' kernels too).")


def status():
    """Print whether this notebook reports to a room, and how that is going."""
    if _reporter is None:
        print("Not in a room: the checks send nothing.")
        return
    print(f"In the room at {_reporter.address.removesuffix('/api/events')} as {_reporter.name}: "
          f"{_reporter.sent} events sent, {len(_reporter.queue)} waiting"
          + (f", {_reporter.dropped} dropped (the queue was full)" if _reporter.dropped else "")
          + (f"; refused: {_reporter.refused} Nothing more is sent." if _reporter.refused else
             f"; last problem: {_reporter.problem}." if _reporter.problem else "."))


def _code_is_right(url, code):
    """True if the room takes ``code``, False if it cannot be reached; FriendlyError if it refuses it."""
    return _ask_to_join(url, {"code": code}, {}) is not None


def _hub_name(url, token):
    """The name the hub's room knows this server's ``token`` by; None if it cannot be reached."""
    answer = _ask_to_join(url, {}, _authorization(token))
    try:
        return None if answer is None else str(json.loads(answer)["name"])
    except (ValueError, KeyError, TypeError):
        raise FriendlyError(f"{url} does not answer as the workshop's room: ask the instructor.") from None


def _ask_to_join(url, body, headers):
    """POST ``body`` to the room's api/join: its answer (bytes); None if unreachable; FriendlyError if refused."""
    request = urllib.request.Request(url + "/api/join", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with _OPENER.open(request, timeout=TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        raise FriendlyError(f"The room at {url} refused to let you join: {_reason(error)}") from None
    except OSError:
        return None


def _authorization(token):
    """The header that sends a hub ``token`` (none without one)."""
    return {"Authorization": f"token {token}"} if token else {}


def _reason(error):
    """The room's own words in an HTTP error's JSON body ({"error": ...}), else the status's."""
    try:
        return str(json.loads(error.read(2000))["error"])
    except Exception:  # noqa: BLE001 -- not the room, or no words: the status says enough
        return error.reason


def _read():
    """The settings in .room.json, or None when there is none (or it is damaged).

    A room on a laptop: ``{"url", "code", "name", "participant"}``; the hub's room: ``{"hub_user"}``."""
    try:
        settings = json.loads(FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(settings, dict) and set(settings) in ({"url", "code", "name", "participant"}, {"hub_user"}) and \
            all(isinstance(value, str) for value in settings.values()):
        return settings
    return None


def _start(settings):
    """Report to the room in ``settings`` from now on (None: to no room; the hub's room: only on the hub)."""
    global _reporter
    from .check import LISTENERS  # only now: a learner who never joins does not even load it here
    if _reporter is not None:
        _reporter.close()
        if _reporter in LISTENERS:
            LISTENERS.remove(_reporter)
        _reporter = None
    if settings is not None and "hub_user" in settings:
        url, token = (os.environ.get(name) for name in ON_THE_HUB)
        if url and token:  # the token and the room's address are this server's, as the hub set them now
            _reporter = Reporter(url, None, settings["hub_user"], None, token=token)
    elif settings is not None:
        _reporter = Reporter(settings["url"], settings["code"], settings["name"], settings["participant"])
    if _reporter is not None:
        LISTENERS.append(_reporter)


if FILE.is_file() and (_settings := _read()) is not None:  # this learner joined a room earlier
    _start(_settings)

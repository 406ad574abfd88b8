"""What a participant's kernel sends, and the checks every event passes before it is stored.

One event is one JSON object (helpers/room.py makes them), for example::

    {"code": "K7Q2", "participant": "3f9c0a1b2c3d4e5f", "id": "9a8b7c6d5e4f3a2b1c0d",
     "name": "Ada", "notebook": "03", "todo": "backprop", "passed": false,
     "cause": "transpose", "time": 1764619200.0, "sent": 1764619203.5}

``participant`` is a random number made when the learner joined (two people may both type "Ada"),
``id`` a random number per event (a resent event is stored once), ``time`` when the check ran and
``sent`` when it was sent, both by the learner's clock (the room corrects for a clock that is off).
Nothing else is accepted: no code, data, paths, user or machine names.

On a JupyterHub the kernel sends no ``code``, ``participant`` or ``name``: the hub says who sent the
event (the kernel's token is its user's), and the room fills them in (``sender`` in ``parse``).
"""
import json
import math
import re

FIELDS = {"code", "participant", "id", "name", "notebook", "todo", "passed", "cause", "time", "sent"}
FROM_THE_HUB = {"code", "participant", "name"}  # on a hub: known from the sender's token, never from the body
MAX_BODY = 4096  # bytes: an event is about 250
MAX_NAME = 40
MAX_WAIT = 12 * 3600  # seconds an event may have waited in a kernel (the room was down) before it is sent
MAX_CLOCK_ERROR = 24 * 3600  # seconds a learner's clock may be off before its times are absurd
HEX_ID = re.compile(r"[0-9a-f]{16,32}")
CAUSE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}")


class Refused(Exception):
    """A request the room does not accept: ``status`` is the HTTP status, the message says why."""

    def __init__(self, status, message, retry_after=None):
        super().__init__(message)
        self.status, self.retry_after = status, retry_after  # retry_after: seconds, when trying later may work


def parse(body, todos, now, sender=None):
    """The event in ``body`` (bytes), checked; raises Refused with the reason otherwise.

    ``todos`` is the set of ``(notebook, todo)`` of the workshop; ``now`` the room's clock.
    ``sender``: on a hub, ``{"participant": ..., "name": ...}`` of the hub user who sent it; the body
    must then hold every field but those of FROM_THE_HUB, which are taken from ``sender``.
    Returns the event's dict, with ``at``: when the check ran, by the room's clock.
    """
    if len(body) > MAX_BODY:
        raise Refused(413, f"The body is {len(body)} bytes; an event is at most {MAX_BODY}.")
    try:
        event = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Refused(400, f"The body is not JSON: {error}.") from None
    if not isinstance(event, dict):
        raise Refused(400, "The body must be one JSON object (an event).")
    expected = FIELDS if sender is None else FIELDS - FROM_THE_HUB
    if sender is not None and (claimed := sorted(set(event) & FROM_THE_HUB)):
        raise Refused(400, f"On a hub the hub says who sent an event: no {', '.join(claimed)} in the body.")
    if unknown := sorted(set(event) - expected):
        raise Refused(400, f"Unknown fields: {', '.join(unknown)}.")
    if missing := sorted(expected - set(event)):
        raise Refused(400, f"Missing fields: {', '.join(missing)}.")
    if sender is not None:
        event.update(sender, code=None)
    for field in ("code", "participant", "id", "name", "notebook", "todo"):
        if field in expected and not isinstance(event[field], str):
            raise Refused(400, f"{field} must be a string.")
    for field in ("participant", "id"):
        if not HEX_ID.fullmatch(event[field]):
            raise Refused(400, f"{field} must be 16 to 32 lowercase hexadecimal digits.")
    event["name"] = check_name(event["name"])
    if (event["notebook"], event["todo"]) not in todos:
        raise Refused(400, f"No TODO {event['todo']!r} in notebook {event['notebook']!r} of this workshop.")
    if not isinstance(event["passed"], bool):
        raise Refused(400, "passed must be true or false.")
    cause = event["cause"]
    if cause is not None and not (isinstance(cause, str) and CAUSE.fullmatch(cause)):
        raise Refused(400, "cause must be null or a short identifier such as \"transpose\".")
    if event["passed"] and cause is not None:
        raise Refused(400, "A check that passed has no cause.")
    times = [event["time"], event["sent"]]
    if not all(isinstance(t, (int, float)) and not isinstance(t, bool) and math.isfinite(t) for t in times):
        raise Refused(400, "time and sent must be numbers (seconds since 1970).")
    waited = event["sent"] - event["time"]
    if not 0 <= waited <= MAX_WAIT or abs(event["sent"] - now) > MAX_CLOCK_ERROR:
        raise Refused(400, "Absurd times: an event is sent after its check, within 12 hours, "
                           "by a clock less than a day off.")
    event["at"] = now - waited
    return event


def check_name(name):
    """The name a participant typed, trimmed; raises Refused when it is empty, too long or not text."""
    name = " ".join(name.split())
    if not 1 <= len(name) <= MAX_NAME or not name.isprintable():
        raise Refused(400, f"The name must be 1 to {MAX_NAME} printable characters.")
    return name


def json_body(body, fields):
    """The JSON object in ``body`` with exactly the keys ``fields``; raises Refused otherwise."""
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise Refused(400, "The body is not JSON.") from None
    if not isinstance(value, dict) or set(value) != set(fields):
        raise Refused(400, f"The body must be a JSON object with exactly: {', '.join(sorted(fields))}.")
    return value

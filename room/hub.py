"""The room as a JupyterHub service (``python -m room --hub``, started by the hub: hub/jupyterhub_config.py).

The routes of room/server.py (which this module builds on; it never imports this one), under the
service's prefix (``/services/room/``), but the hub says who is who:

- the instructor is any hub admin. The page sends whoever is not logged in to the hub's login and back
  (OAuth), and answers 403 to a participant; ``api/state``, ``api/stream``, ``export.csv``,
  ``POST api/delete`` and ``POST api/hide`` answer 403 to anyone but an admin;
- a participant's kernel posts with its server's token (``Authorization: token $JUPYTERHUB_API_TOKEN``):
  the room asks the hub whose token it is and stores the event as that hub user. No room code; an
  event that names a participant is refused, so nobody can post as someone else.

JupyterHub's ``HubOAuthenticated`` does the asking (with the hub's token cache, one call per token
every few minutes), as in JupyterHub's own service examples.
"""
import hashlib
import time

import tornado.web
from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated

from . import events, server
from .events import Refused


ACCESS = "access:services!service=room"  # the scope a token needs to reach the room (hub/jupyterhub_config.py)


def participant_id(name):
    """The room's participant number for the hub user ``name``: 16 hexadecimal digits, the same every time."""
    return hashlib.sha256(f"hub user {name}".encode()).hexdigest()[:16]


def is_instructor(user):
    """True for a hub admin's user model (the hub's answer for a token always holds "admin")."""
    return user is not None and user.get("kind") == "user" and user.get("admin") is True


class OnHub(HubOAuthenticated):
    """Mixed in before a room handler: ``current_user`` is the hub's model of the user, or None."""

    def get_current_user(self):
        try:
            return super().get_current_user()
        except tornado.web.HTTPError as error:  # the hub is down, or restarting: a kernel tries again later
            if error.status_code < 500:
                raise
            raise tornado.web.HTTPError(503, reason="The room cannot ask the hub who you are right now; "
                                                    "try again in a minute.") from None

    def require_instructor(self):
        if self.current_user is None:
            raise tornado.web.HTTPError(403, reason="Log in to the hub as an instructor first.")
        if not is_instructor(self.current_user):
            raise tornado.web.HTTPError(403, reason="Only the hub's admins (the instructors) see the room.")

    def sender(self):
        """``{"participant", "name"}`` of the hub user whose token sent this request; Refused (403) otherwise."""
        user = self.current_user or self.hub_auth.get_user(self)  # the latter: a token the hub knows, not let in
        if user is None or user.get("kind") != "user":
            raise Refused(403, "The hub does not know this token as a user's: a participant's kernel "
                               "reports with its server's token (JUPYTERHUB_API_TOKEN).")
        if self.current_user is None:
            raise Refused(403, "The hub's settings do not let this server's token reach the room (the token and "
                               f"its user both need the scope {ACCESS}): tell the instructor.")
        return {"participant": participant_id(user["name"]), "name": user["name"][:events.MAX_NAME]}


class Home(OnHub, server.Home):
    def get(self):
        self.redirect(self.settings["prefix"] + "instructor")  # the hub's Services menu links here


class InstructorPage(OnHub, server.InstructorPage):
    @tornado.web.authenticated  # not logged in to the hub: its login, then back here
    def get(self):
        self.xsrf_token  # noqa: B018 -- sets the _xsrf cookie, which the page sends back (the hub's rule)
        self.show()


class Join(OnHub, server.Join):
    """A kernel asks, before it joins, who the hub says it is: 200 with the name the room will show."""

    def post(self):
        try:
            events.json_body(self.body(), set())
            name = self.sender()["name"]
        except Refused as refused:
            return self.refuse(refused)
        self.finish({"name": name})


class Events(OnHub, server.Events):
    def accept(self, body):
        """The event in ``body``, checked, as sent by the hub user whose token came with it."""
        return events.parse(body, self.room.todo_set, time.time(), sender=self.sender())


class State(OnHub, server.State):
    pass


class Stream(OnHub, server.Stream):
    pass


class Export(OnHub, server.Export):
    pass


class Delete(OnHub, server.Delete):
    pass


class Hide(OnHub, server.Hide):
    pass


ROUTES = {"": Home, "instructor": InstructorPage, "api/join": Join, "api/events": Events, "api/state": State,
          "api/stream": Stream, "export.csv": Export, "api/delete": Delete, "api/hide": Hide,
          "oauth_callback": HubOAuthCallbackHandler}


def make_app(room, prefix):
    """The room's tornado application as the hub's service, under the service's ``prefix``."""
    return server.make_app(room, prefix, ROUTES, hub=True,
                           cookie_secret=room.cookie_secret)  # signs the hub's login cookies: they outlive a restart

"""Whole pages for anonymous visitors, from the shared cache, stale never.

A response is stored with the generation of every tag it depends on (the domains register
which pages depend on which tags: `syvsite.core.registry`). A change moves its tags to a new
generation after its transaction commits, so the next request finds the stored copy outdated
and renders afresh. One cache round trip reads the stored page and every generation at once.

Never stored: a request with a session or messages cookie (a signed-in member, a pupil, a
visitor with a message waiting), a response that set a cookie or rendered a CSRF token, one with
messages, one marked private/no-cache/no-store, anything but a 200 to a GET.

- `generations.py`: tags, their generations, `invalidate()`
- `signals.py`: Wagtail page events and registered models → `invalidate()`
- `middleware.py`: lookup, storing, ETag/Last-Modified and 304
"""

from .generations import invalidate

__all__ = ["invalidate"]

from .base import *  # noqa: F403
from .environment import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
LOGGING["handlers"]["console"]["formatter"] = env.str("LOG_FORMAT", default="text")  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Serve static files from the app folders; there is no collectstatic outside production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# runserver answers each connection in a new thread: a persistent connection (base: 60 s)
# outlives its thread and stays open until the garbage collector finds it, so a busy dev or
# end-to-end server piled up dozens of idle connections, and PostgreSQL, shared by every site on
# the machine, refused new ones ("too many clients", 503). One connection per request instead.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

import uuid

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Each test run gets its own indices, so parallel runs against one engine never collide.
SEARCH["INDEX_PREFIX"] = f"test-{uuid.uuid4().hex[:8]}"  # noqa: F405
# Ordinary tests never need the engine: search answers from the database mirror. The
# `search_engine` fixture (tests/search_fixtures.py) turns the engine at TEST_URL on for one test.
SEARCH["TEST_URL"] = SEARCH["URL"] or "http://127.0.0.1:9201"  # noqa: F405
SEARCH["URL"] = ""  # noqa: F405
SEARCH["DRAIN"] = "sync"  # noqa: F405 - outbox drained in the test's thread, never a background thread
MEDIA_ROOT = str(BASE_DIR / "var" / "test-media")  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
LOGGING["loggers"]["django"]["level"] = "ERROR"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# Serve static files from the app folders; there is no collectstatic outside production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# One cache per test process, never a shared server: tests run in parallel on separate databases.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole-page caching is off unless a test turns it on (tests/core/test_page_cache.py): other
# tests change data through factories that neither publish nor commit, as no editor would.
PAGE_CACHE_SECONDS = 0

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "syvsite.settings.production")
application = get_wsgi_application()

# What a worker loads before its first request (Django, Wagtail, every app, the URLs and the
# views behind them) lives as long as the process. Unfrozen, the garbage collector walks those
# 300,000-odd objects in each full collection: about 170 ms, once every 200 or so uncached
# REKAS pages, a stall for whoever waits on that request. Python's gc documentation
# recommends freezing for servers that load the application first.
get_resolver().url_patterns  # noqa: B018 - imports the URLconf and views now, not at request 1
gc.collect()
gc.freeze()

from importlib import import_module

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from syvsite.api import api
from syvsite.core import views as core_views

# The open API: each domain's router under its prefix (syvsite/api.py has the conventions).
API_ROUTERS = [
    ("search.api", "search/"),
    ("rekas.api", "rekas/"),
    ("internships.api", "internships/"),
    ("methods.api", "methods/"),
    ("forum.api", "forum/"),
    ("guidance_plans.api", "guidance-plans/"),
]
for module_name, prefix in API_ROUTERS:
    api.add_router(prefix, import_module(module_name).router)

handler400 = "syvsite.core.views.bad_request"
handler404 = "syvsite.core.views.page_not_found"
handler500 = "syvsite.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sprak/<str:code>/", core_views.switch_language, name="switch_language"),
    path("", include("syvsite.accounts.urls")),
    path("", include("syvsite.privacy.urls")),
    # Domain apps declare their own full paths (e.g. "metoder/bidra/", "rekas/kommun/<code>/").
    path("", include("search.urls")),
    path("", include("methods.urls")),
    path("", include("facts.urls")),
    path("", include("rekas.urls")),
    path("", include("internships.urls")),
    path("", include("forum.urls")),
    path("", include("guidance_plans.urls")),
    path("", include("omvarld.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree answers everything else.
urlpatterns.append(path("", include(wagtail_urls)))

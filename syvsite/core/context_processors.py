from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

MAIN_NAVIGATION = [
    ("/metoder/", _("Metodbank")),
    ("/fakta/", _("Fakta")),
    ("/forum/", _("Forum")),
    ("/vagledningsplaner/", _("Vägledningsplaner")),
    ("/rekas/", _("REKAS")),
    ("/praktik/", _("Praktikplatser")),
    ("/nyheter/", _("Nyheter")),
    ("/omvarld/", _("Omvärld")),
]


def site(request: HttpRequest) -> dict:
    path = request.path
    navigation = [
        {"url": url, "label": label, "current": path.startswith(url)}
        for url, label in MAIN_NAVIGATION
    ]
    return {"site_name": settings.WAGTAIL_SITE_NAME, "main_navigation": navigation}

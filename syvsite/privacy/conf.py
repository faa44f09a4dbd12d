"""Personal-data settings with defaults; each can be overridden in Django settings
(PRIVACY_<NAME>). The domain apps keep the retention periods of their own data in their own
conf.py; these are the core's."""

from django.conf import settings

DEFAULTS = {
    # The audit log of access to pupils' data is itself personal data: kept two years, long
    # enough for a data protection officer to follow up a complaint about the last school year.
    "ACCESS_LOG_DAYS": 730,
    # A registration never confirmed by e-mail (the link works three days) goes after 30 days.
    "UNVERIFIED_ACCOUNT_DAYS": 30,
    # Failed logins (e-mail, IP address) are kept for the lockout and for tracing an attack.
    "LOGIN_ATTEMPT_DAYS": 30,
    # Where the privacy page sends questions about personal data.
    "CONTACT_EMAIL": "dataskydd@syv-portalen.se",
    "ACCESS_LOG_PER_PAGE": 50,
}


def get(name: str):
    return getattr(settings, f"PRIVACY_{name}", DEFAULTS[name])

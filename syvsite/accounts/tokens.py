from django.conf import settings
from django.core import signing

_SALT = "syvsite.accounts.verify-email"


def make_verification_token(*, user) -> str:
    # The e-mail is part of the payload so a link stops working if the address changes.
    return signing.dumps({"user": user.pk, "email": user.email}, salt=_SALT, compress=True)


def read_verification_token(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=_SALT, max_age=settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.BadSignature:
        return None

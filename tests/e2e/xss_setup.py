"""Run with `manage.py shell -c` by test_xss_fields.py: its own accounts, school and company.

The counsellor is an established forum member (three approved posts, since removed), so new
posts show at once instead of waiting for a moderator. Prints the ids as JSON on the last line.
"""

import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from forum.models import Category, Post, Status, Thread
from internships.models import CompanyProfile, Workplace
from syvsite.accounts.roles import Role
from syvsite.accounts.services import assign_role
from syvsite.organisations.models import Membership, Organisation
from syvsite.regions.models import Municipality

PASSWORD = "Xss-losen-2026-test"  # noqa: S105 - test account on a throwaway database
goteborg = Municipality.objects.get(code="1480")


def account(email, role, organisation):
    person, _ = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": "Test", "last_name": "Person"}
    )
    person.is_active = True
    person.email_verified_at = person.email_verified_at or timezone.now()
    person.set_password(PASSWORD)
    person.save()
    assign_role(user=person, role=role)
    Membership.objects.get_or_create(user=person, organisation=organisation)
    return person


school, _ = Organisation.objects.get_or_create(
    kind="school", name="XSS-skolan", defaults={"municipality": goteborg, "is_approved": True}
)
# Found by its number: the test renames the company through the profile form.
company, _ = Organisation.objects.get_or_create(
    kind="company",
    org_number="556021-0261",
    defaults={"municipality": goteborg, "is_approved": True, "name": "XSS-test AB"},
)
CompanyProfile.objects.get_or_create(
    company=company, defaults={"contact_name": "Kim Kontakt", "contact_email": "kim@xss-test.se"}
)
Workplace.objects.get_or_create(
    company=company,
    name="XSS-kontoret",
    defaults={
        "street_address": "Storgatan 1",
        "postal_code": "411 04",
        "city": "Göteborg",
        "municipality": goteborg,
    },
)
counsellor = account("xss-vagledare@syv-demo.se", Role.COUNSELLOR, school)
# School staff give a second factor before they see pupils (bookings): an authenticator app
# whose key the test knows, so it can type the code.
app, _ = TOTPDevice.objects.get_or_create(user=counsellor, name="XSS-app", confirmed=True)
representative = account("xss-foretag@syv-demo.se", Role.COMPANY_REPRESENTATIVE, company)
if not Post.objects.filter(author=counsellor, approved_at__isnull=False).exists():
    thread = Thread.objects.create(
        category=Category.objects.first(),
        title="Borttagen tråd",
        author=counsellor,
        status=Status.DELETED,
    )
    long_ago = timezone.now() - timedelta(days=30)  # outside the forum's rate-limit windows
    for _number in range(3):
        Post.objects.create(
            thread=thread,
            author=counsellor,
            body_markdown="Borttaget.",
            body_html="<p>Borttaget.</p>",
            status=Status.DELETED,
            approved_at=long_ago,
            deleted_at=long_ago,
        )
    Post.objects.filter(thread=thread).update(created_at=long_ago)
print(
    json.dumps(
        {
            "counsellor": counsellor.email,
            "company": representative.email,
            "password": PASSWORD,
            "counsellor_totp_key": app.key,
            "school_id": school.pk,
            "company_id": company.pk,
        }
    )
)

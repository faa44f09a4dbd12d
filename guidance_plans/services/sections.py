"""The page tree and its permissions: index pages, one section and editor group per municipality.

Permission model (documented in guidance_plans/README.md):
- "Kommunredaktör – <kommun>" may add and change pages under that municipality's section,
  and add/choose documents in that municipality's collection. It may NOT publish.
- Publishing goes through the workflow "Granskning av vägledningsplaner" (see workflow.py):
  the editor submits, a moderator (role group "Moderator") or an administrator approves.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from syvsite.accounts.roles import Role
from syvsite.accounts.services import assign_role
from syvsite.home.models import HomePage
from syvsite.regions.models import Municipality

from ..constants import EDITOR_GROUP_PREFIX
from ..exceptions import GuidancePlanError
from ..models import GuidancePlanIndexPage, MunicipalitySection, NewsIndexPage

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
EDITOR_DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")
PLAN_COLLECTION_NAME = "Vägledningsplaner"


def editor_group_name(municipality: Municipality) -> str:
    return f"{EDITOR_GROUP_PREFIX}{municipality.name}"


def _home() -> HomePage:
    home = HomePage.objects.order_by("depth", "path").first()
    if home is None:  # said to whoever runs seed_demo on an empty database
        raise GuidancePlanError("Startsidan saknas. Kör `manage.py migrate` först.")
    return home


def _publish(page: Page) -> Page:
    page.save_revision(log_action=True).publish()
    return page


def _ensure_index(page_class: type[Page], *, home: Page | None, **fields) -> Page:
    """The site's one page of `page_class`, created under the home page and published when
    there is none yet."""
    index = page_class.objects.first()
    if index is not None:
        return index
    home = home or _home()
    return _publish(home.add_child(instance=page_class(**fields)))


@transaction.atomic
def ensure_plan_index(*, home: Page | None = None) -> GuidancePlanIndexPage:
    return _ensure_index(
        GuidancePlanIndexPage,
        home=home,
        title="Vägledningsplaner",
        slug="vagledningsplaner",
        intro=(
            "Kommunernas planer för studie- och yrkesvägledning: vilka som har en gällande "
            "plan, vad planerna innehåller och hur de skiljer sig åt."
        ),
    )


@transaction.atomic
def ensure_news_index(*, home: Page | None = None) -> NewsIndexPage:
    return _ensure_index(
        NewsIndexPage,
        home=home,
        title="Nyheter",
        slug="nyheter",
        intro="Nytt om arbetsmarknad, utbildning, styrdokument och vägledning.",
    )


def _plan_collection(municipality: Municipality) -> Collection:
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=PLAN_COLLECTION_NAME).first()
    if parent is None:
        parent = root.add_child(name=PLAN_COLLECTION_NAME)
    collection = parent.get_children().filter(name=municipality.name).first()
    return collection or parent.add_child(name=municipality.name)


@transaction.atomic
def ensure_editor_group(*, section: MunicipalitySection) -> Group:
    """The municipality's editor group with page and document permissions on its section only."""
    municipality = section.municipality
    group, _ = Group.objects.get_or_create(name=editor_group_name(municipality))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in EDITOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=permission)
    collection = _plan_collection(municipality)
    for codename in EDITOR_DOCUMENT_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtaildocs", codename=codename
        )
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
    return group


def _section_slug(index: Page, municipality: Municipality) -> str:
    """ "Malmö" → "malmo"; Håbo and Habo both fold to "habo", so the second gets its code."""
    slug = slugify(municipality.name)
    if index.get_children().filter(slug=slug).exists():
        slug = f"{slug}-{municipality.code}"
    return slug


@transaction.atomic
def ensure_section(*, municipality: Municipality) -> MunicipalitySection:
    """The municipality's section under the index (published) and its editor group."""
    section = MunicipalitySection.objects.filter(municipality=municipality).first()
    if section is None:
        index = ensure_plan_index()
        section = index.add_child(
            instance=MunicipalitySection(
                title=municipality.name,
                slug=_section_slug(index, municipality),
                municipality=municipality,
            )
        )
        _publish(section)
    ensure_editor_group(section=section)
    return section


@transaction.atomic
def add_editor(*, user, municipality: Municipality) -> Group:
    """Make `user` an editor of the municipality's plans (and give them the editor role)."""
    ensure_section(municipality=municipality)
    group = Group.objects.get(name=editor_group_name(municipality))
    user.groups.add(group)
    assign_role(user=user, role=Role.MUNICIPALITY_EDITOR)
    return group

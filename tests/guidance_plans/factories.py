"""Factories for guidance plans, news and coordination (factory_boy + wagtail_factories)."""

import uuid
from datetime import date

import factory
import wagtail_factories

from guidance_plans.models import (
    CoordinationBody,
    CoordinationContact,
    GuidancePlanPage,
    NewsPage,
    NewsTheme,
)
from guidance_plans.services.sections import ensure_news_index, ensure_section
from syvsite.regions.models import County
from tests.factories import municipality


def activity(
    title: str,
    *,
    stage: str = "7-9",
    role: str = "syv",
    timing: str = "Höstterminen",
    description: str = "",
    method_id: int | None = None,
) -> dict:
    """One raw activity block, as a StreamField stores it."""
    return {
        "type": "activity",
        "id": str(uuid.uuid4()),
        "value": {
            "title": title,
            "stage": stage,
            "responsible_role": role,
            "timing": timing,
            "description": description,
            "method": method_id,
        },
    }


def goal(text: str, indicator: str = "") -> dict:
    return {
        "type": "goal",
        "id": str(uuid.uuid4()),
        "value": {"goal": text, "indicator": indicator},
    }


def responsibility(role: str, text: str) -> dict:
    return {
        "type": "responsibility",
        "id": str(uuid.uuid4()),
        "value": {"role": role, "description": text},
    }


class GuidancePlanPageFactory(wagtail_factories.PageFactory):
    """A published plan. Pass `municipality_code` (default Göteborg) or `parent` (a section)."""

    class Meta:
        model = GuidancePlanPage
        skip_postgeneration_save = True

    class Params:
        municipality_code = "1480"

    parent = factory.LazyAttribute(
        lambda o: ensure_section(municipality=municipality(o.municipality_code))
    )
    title = factory.Sequence(lambda n: f"Plan för studie- och yrkesvägledning {n}")
    slug = factory.Sequence(lambda n: f"plan-{n}")
    summary = "Planen beskriver hur skolorna arbetar med vägledning i alla årskurser."
    valid_from = date(2025, 1, 1)
    valid_to = date(2027, 12, 31)
    current_state = "<p>Eleverna efterfrågar mer kontakt med arbetslivet.</p>"
    follow_up = "<p>Planen följs upp varje vår i kvalitetsarbetet.</p>"
    goals = factory.LazyFunction(
        lambda: [goal("Alla elever ska ha gjort ett informerat gymnasieval.")]
    )
    responsibilities = factory.LazyFunction(
        lambda: [responsibility("rektor", "Rektor ansvarar för att planen genomförs.")]
    )
    activities = factory.LazyFunction(lambda: [activity("Yrkesmässa i åk 8")])

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if create and extracted is not False:
            self.save_revision(log_action=True).publish()


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(lambda: ensure_news_index())
    title = factory.Sequence(lambda n: f"Nyhet nummer {n}")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    intro = "En kort ingress om nyheten."
    date = date(2026, 11, 1)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(NewsTheme.objects.filter(slug__in=extracted))
            self.save_revision(log_action=True).publish()
        elif create:
            self.save_revision(log_action=True).publish()


class CoordinationBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoordinationBody
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Kommunalförbund {n}")
    slug = factory.Sequence(lambda n: f"forbund-{n}")
    kind = CoordinationBody.Kind.ASSOCIATION
    county = factory.LazyFunction(lambda: County.objects.get(code="14"))

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)
            self.save()  # a ParentalManyToManyField is written when the cluster is saved


class CoordinationContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoordinationContact

    body = factory.SubFactory(CoordinationBodyFactory)
    name = "Karin Demo"
    title = "Regional SYV-samordnare"
    email = factory.Sequence(lambda n: f"kontakt{n}@syv-demo.se")
    phone = "070-174 06 05"

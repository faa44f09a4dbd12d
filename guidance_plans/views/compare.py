"""`/vagledningsplaner/jamfor/?a=<id>&b=<id>`: two plans side by side, section by section."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Page

from ..forms import ComparisonForm
from ..models import ModelPlanPage
from ..selectors import published_plans
from ..text import plan_sections
from .common import plans_crumb


def _plan_choices() -> tuple[list[tuple[int, str]], dict[int, Page]]:
    plans: dict[int, Page] = {}
    choices = []
    for plan in published_plans(with_content=False):
        plans[plan.pk] = plan
        choices.append((plan.pk, f"{plan.municipality.name}: {plan.title}"))
    model = ModelPlanPage.objects.live().public().first()
    if model is not None:
        plans[model.pk] = model
        choices.insert(0, (model.pk, model.title))
    return choices, plans


def compare(request: HttpRequest) -> HttpResponse:
    choices, plans = _plan_choices()
    form = ComparisonForm(request.GET or None, plan_choices=choices)
    columns, sections = [], []
    if form.is_valid():
        # The choice list holds plans without their sections; load the two chosen in full.
        chosen = [plans[form.cleaned_data[name]] for name in ("a", "b")]
        pages = [type(page).objects.get(pk=page.pk) for page in chosen]
        columns = [{"page": page, "is_model": isinstance(page, ModelPlanPage)} for page in pages]
        texts = [plan_sections(page) for page in pages]
        for index, section in enumerate(texts[0]):
            cells = [
                {"column": column, "paragraphs": text[index].paragraphs}
                for column, text in zip(columns, texts, strict=True)
            ]
            sections.append({"key": section.key, "heading": section.heading, "cells": cells})
    return render(
        request,
        "guidance_plans/compare.html",
        {
            "form": form,
            "columns": columns,
            "sections": sections,
            "plans_crumb": plans_crumb(request),
        },
    )

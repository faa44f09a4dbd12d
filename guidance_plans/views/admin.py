"""Admin action “Skapa plan från modellplanen”: a draft copy of the model plan in a section."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..exceptions import GuidancePlanError
from ..forms import PlanFromModelForm
from ..models import MunicipalitySection
from ..selectors import editable_sections, model_plan
from ..services.model_plan import create_plan_from_model


class CreatePlanFromModelView(WagtailAdminTemplateMixin, FormView):
    template_name = "wagtailadmin/generic/form.html"
    form_class = PlanFromModelForm
    page_title = gettext_lazy("Skapa plan från modellplanen")
    header_icon = "doc-full"
    _show_breadcrumbs = True

    def dispatch(self, request, *args, **kwargs):
        self.sections = editable_sections(request.user)
        if not self.sections:
            raise PermissionDenied
        if model_plan() is None:
            messages.error(
                request, _("Modellplanen är inte publicerad ännu. Kontakta en administratör.")
            )
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["sections"] = MunicipalitySection.objects.filter(
            pk__in=[section.pk for section in self.sections]
        ).order_by("title")
        return kwargs

    def get_initial(self):
        initial = {"section": self.request.GET.get("section") or self.sections[0].pk}
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("guidance_plans_create_from_model")
        context["submit_button_label"] = _("Skapa utkast")
        context["submit_button_active_label"] = _("Skapar…")
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            plan = create_plan_from_model(
                section=data["section"],
                user=self.request.user,
                title=data["title"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
            )
        except GuidancePlanError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Utkastet ”%(title)s” är skapat från modellplanen. Anpassa det och skicka det för granskning."
            )
            % {"title": plan.title},
        )
        return redirect("wagtailadmin_pages:edit", plan.pk)

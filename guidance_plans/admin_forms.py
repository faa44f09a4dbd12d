"""Admin (Wagtail) forms for plan pages: Swedish errors before anything is saved."""

from wagtail.admin.forms import WagtailAdminPageForm

from .validation import MISSING_MUNICIPALITY, validity_errors


class GuidancePlanForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        for field, message in validity_errors(
            cleaned_data.get("valid_from"), cleaned_data.get("valid_to")
        ).items():
            self.add_error(field, message)
        parent = self.parent_page.specific if self.parent_page is not None else None
        if getattr(parent, "municipality_id", None) is None:
            self.add_error(None, MISSING_MUNICIPALITY)
        else:
            self.instance.municipality_id = parent.municipality_id
        return cleaned_data

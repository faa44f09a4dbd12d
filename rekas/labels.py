"""The matching classes and pressure measures REKAS shows, with their labels: read by pages
(without pandas) and assigned by `analysis`."""

from django.utils.translation import gettext_lazy as _


class Match:
    """Matching classes, in the words a counsellor uses."""

    DEMANDED_LOW = "efterfragad_lag"
    DEMANDED_HIGH = "efterfragad_hog"
    POPULAR_WEAK = "popular_svag"
    LOW_WEAK = "lag_svag"
    BALANCED_HIGH = "balans_hog"
    BALANCED_LOW = "balans_lag"
    NO_OUTLOOK = "prognos_saknas"
    NO_PLACES = "platser_saknas"  # no measure of pressure published

    LABELS = {
        DEMANDED_LOW: _("Efterfrågad utbildning med lågt söktryck"),
        DEMANDED_HIGH: _("Efterfrågad utbildning med högt söktryck"),
        POPULAR_WEAK: _("Populär utbildning mot svag arbetsmarknad"),
        LOW_WEAK: _("Lågt söktryck och svag arbetsmarknad"),
        BALANCED_HIGH: _("Arbetsmarknad i balans, högt söktryck"),
        BALANCED_LOW: _("Arbetsmarknad i balans, lågt söktryck"),
        NO_OUTLOOK: _("Prognos saknas"),
        NO_PLACES: _("Söktryck kan inte bedömas (inga jämförbara siffror publicerade)"),
    }
    # Badge style per class: success = a good choice to point out, warning = worth discussing.
    TONES = {
        DEMANDED_LOW: "success",
        DEMANDED_HIGH: "success",
        POPULAR_WEAK: "warning",
        LOW_WEAK: "error",
        BALANCED_HIGH: "",
        BALANCED_LOW: "",
        NO_OUTLOOK: "",
        NO_PLACES: "",
    }


class Measure:
    """How the search pressure (söktryck) of a group is judged, best first: offices publish
    different figures, so each group uses the best measure its own rows have and says which
    (docs/rekas-method.md, "Söktryck när siffror saknas")."""

    APPLICANTS = "forstahandssokande"  # first-choice applicants per place ≥ 1
    FILL = "fyllnadsgrad"  # every place filled, and reserves left when reserves are published
    MERIT = "lagsta_merit"  # lowest admitted merit at or above the programme's national median
    NONE = "inget"

    LABELS = {
        APPLICANTS: _("Förstahandssökande per plats"),
        FILL: _("Fyllnadsgrad och reserver"),
        MERIT: _("Lägsta antagningspoäng mot rikets median för programmet"),
        NONE: _("Inget mått publicerat"),
    }


def add_labels(row: dict, suffix: str = "") -> None:
    """The row's matching class and pressure measure in the visitor's words, and the badge
    tone (`suffix`: for the two areas of a comparison, "_a" and "_b")."""
    match, measure = row.get(f"match{suffix}"), row.get(f"pressure_measure{suffix}")
    if match is not None:
        row[f"match_label{suffix}"] = str(Match.LABELS[match])
        row[f"match_tone{suffix}"] = Match.TONES.get(match, "")
    if measure is not None:
        row[f"pressure_label{suffix}"] = str(Measure.LABELS[measure])

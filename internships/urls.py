from django.urls import path

from .views import (
    certificates,
    company,
    company_listings,
    coordination,
    public,
    pupil,
    pupil_data,
    rounds,
    school,
)

app_name = "internships"

C = "praktik/foretag/<int:company_id>/"
S = "praktik/skola/<int:school_id>/"
R = S + "valomgangar/<int:round_id>/"

urlpatterns = [
    # Public: find and read listings, book a period (school staff).
    path("praktik/", public.listing_list, name="listings"),
    path("praktik/<int:pk>/", public.listing_detail, name="listing"),
    path("praktik/<int:pk>/boka/<int:period_id>/", public.book, name="book"),
    # Companies ("Mina sidor" for company representatives).
    path("praktik/foretag/", company.company_index, name="company_index"),
    path(C, company.company_home, name="company"),
    path(C + "profil/", company.company_profile, name="company_profile"),
    path(C + "skicka-in/", company.company_submit, name="company_submit"),
    path(C + "arbetsplatser/ny/", company.workplace_form, name="workplace_create"),
    path(C + "arbetsplatser/<int:workplace_id>/", company.workplace_form, name="workplace_edit"),
    path(
        C + "arbetsplatser/<int:workplace_id>/ta-bort/",
        company.workplace_delete,
        name="workplace_delete",
    ),
    path(C + "annonser/ny/", company_listings.listing_form, name="listing_create"),
    path(
        C + "annonser/<int:listing_id>/", company_listings.company_listing, name="company_listing"
    ),
    path(
        C + "annonser/<int:listing_id>/andra/", company_listings.listing_form, name="listing_edit"
    ),
    path(
        C + "annonser/<int:listing_id>/status/",
        company_listings.listing_status,
        name="listing_status",
    ),
    path(
        C + "annonser/<int:listing_id>/perioder/ny/",
        company_listings.period_form,
        name="period_create",
    ),
    path(
        C + "annonser/<int:listing_id>/perioder/<int:period_id>/",
        company_listings.period_form,
        name="period_edit",
    ),
    path(
        C + "annonser/<int:listing_id>/perioder/<int:period_id>/ta-bort/",
        company_listings.period_delete,
        name="period_delete",
    ),
    path(C + "bokningar/", company.company_bookings, name="company_bookings"),
    path(C + "bokningar/<int:booking_id>/", company.company_booking, name="company_booking"),
    path(
        C + "bokningar/<int:booking_id>/svar/",
        company.company_booking_decide,
        name="company_booking_decide",
    ),
    # Schools: bookings, certificates and choice rounds.
    path("praktik/skola/", school.school_index, name="school_index"),
    path(S, school.school_home, name="school"),
    path(S + "bokningar/<int:booking_id>/", school.school_booking, name="school_booking"),
    path(
        S + "bokningar/<int:booking_id>/avboka/",
        school.school_booking_cancel,
        name="school_booking_cancel",
    ),
    path(
        S + "bokningar/<int:booking_id>/elever/<int:pupil_id>/intyg/",
        school.certificate_request,
        name="certificate_request",
    ),
    path(S + "intyg/<int:certificate_id>/", school.certificate, name="certificate"),
    path(
        S + "intyg/<int:certificate_id>/pdf/", school.certificate_download, name="certificate_pdf"
    ),
    path(S + "elever/<str:kind>/<int:pupil_id>/", pupil_data.extract, name="pupil_extract"),
    path(
        S + "elever/<str:kind>/<int:pupil_id>/utdrag.json",
        pupil_data.extract_json,
        name="pupil_extract_json",
    ),
    path(S + "elever/<str:kind>/<int:pupil_id>/radera/", pupil_data.erase, name="pupil_erase"),
    path(S + "valomgangar/ny/", rounds.round_create, name="round_create"),
    path(R, rounds.round_detail, name="round"),
    path(R + "elever/", rounds.participants_add, name="participants_add"),
    path(R + "elever/<int:participant_id>/kod/", rounds.participant_code, name="participant_code"),
    path(
        R + "elever/<int:participant_id>/placera/",
        rounds.participant_override,
        name="participant_override",
    ),
    path(R + "status/", rounds.round_status, name="round_status"),
    path(R + "fordela/", rounds.round_allocate, name="round_allocate"),
    path(R + "skicka/", rounds.round_publish, name="round_publish"),
    path(R + "export.<str:fmt>", rounds.round_export, name="round_export"),
    # Pupils.
    path("praktik/elev/", pupil.pupil_home, name="pupil_home"),
    path("praktik/elev/logga-in/", pupil.pupil_login, name="pupil_login"),
    path("praktik/elev/logga-ut/", pupil.pupil_logout, name="pupil_logout"),
    path("praktik/elev/<int:participant_id>/", pupil.pupil_round, name="pupil_round"),
    # Placement coordinators.
    path("praktik/samordning/", coordination.queue, name="coordination"),
    path(
        "praktik/samordning/foretag/<int:company_id>/",
        coordination.review_company,
        name="review_company",
    ),
    path(
        "praktik/samordning/annonser/<int:listing_id>/",
        coordination.review_listing,
        name="review_listing",
    ),
    # The company's certificate form, through the signed e-mailed link.
    path("praktik/intyg/<str:token>/", certificates.certificate_form, name="certificate_form"),
]

"""Names vulture cannot see being used (`make lint` runs vulture with this file).

Each is reached implicitly: by Django, Wagtail or django-ninja, by a template, by a string
lookup or by a dotted path in settings. Generated with `vulture --make-whitelist`, one entry
per name, grouped by the file that defines it. Before adding a name here, check that
something really reaches it; a name nothing reaches is dead code to remove instead.
"""

# ruff: noqa
from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# bench/bench_forum.py: settings a benchmark sets for the code it measures
_.FORUM_APPROVAL_THRESHOLD
_.FORUM_POST_RATE_LIMITS

# bench/common.py: settings a benchmark sets for the code it measures
_.EMAIL_BACKEND
_.ALLOWED_HOSTS

# forum/models.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
deleted_at
sent_at
SPAM
WRONG_PLACE
OTHER
target_user

# forum/selectors.py: reached by Django, Wagtail or a template
_.has_unread

# forum/services/posting.py: fields written for the record (who, when), read in templates or by lookups
_.deleted_at

# forum/views/moderation.py: reached by Django, Wagtail or a template
_.open_report_list

# forum/views/public.py: reached by Django, Wagtail or a template
_.is_new

# guidance_plans/api.py: django-ninja schema fields (the JSON an API client gets) and renamed query parameters
stage_label
responsible_role_label

# guidance_plans/constants.py: choices members, reached through .choices and by value
F3
Y4_6
Y7_9
UPPER_SECONDARY
ADULT
ADAPTED
ORGANISER
SCHOOL_HEAD
TEACHER
MENTOR
PUPIL_HEALTH
LIBRARY
LABOUR_MARKET

# guidance_plans/documents.py: search document fields: filled by to_document, read by the engine's facets and sorts
activity_stage
activity_role
news_theme

# guidance_plans/forms.py: form fields and widget options (rendered by Django, named in templates)
lan
stadium
roll
gallande
fran
till
kommun
tema

# guidance_plans/models/coordination.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
REGION

# guidance_plans/models/news.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
sort_order
source_name

# guidance_plans/wagtail_hooks.py: reached by Django, Wagtail or a template
view_name

# internships/api.py: django-ninja schema fields (the JSON an API client gets) and renamed query parameters
free_places
exact_position
placement_type_label
typ
program
nara

# internships/forms/listings.py: form fields and widget options (rendered by Django, named in templates)
_.empty_label
_.help_text

# internships/forms/search.py: form fields and widget options (rendered by Django, named in templates)
skola

# internships/models/bookings.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
response_message
decided_at

# internships/models/certificates.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
NEEDS_WORK
VERY_GOOD
punctuality
engagement
cooperation
link_sent_at

# internships/models/companies.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
submitted_at
rejected_at
reviewed_by

# internships/models/listings.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
supervisor_phone
review_note
status_changed_at

# internships/models/rounds.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
allocated_at
code_hash
code_created_at

# internships/seed.py: reached by Django, Wagtail or a template
_.code_created_at
_.code_hash

# internships/selectors/rekas.py: reached by Django, Wagtail or a template
is_shortage

# internships/services/allocations.py: fields written for the record (who, when), read in templates or by lookups
_.allocated_at

# internships/services/bookings.py: fields written for the record (who, when), read in templates or by lookups
_.response_message
_.decided_at

# internships/services/certificates.py: fields written for the record (who, when), read in templates or by lookups
_.link_sent_at

# internships/services/companies.py: fields written for the record (who, when), read in templates or by lookups
_.submitted_at
_.rejected_at
_.reviewed_by

# internships/services/listings.py: fields written for the record (who, when), read in templates or by lookups
_.review_note
_.status_changed_at

# internships/views/downloads.py: reached by Django, Wagtail or a template
_.freeze_panes

# methods/api.py: django-ninja schema fields (the JSON an API client gets) and renamed query parameters
duration_label
instructions
target_group
malgrupp
tid

# methods/blocks.py: choices members, reached through .choices and by value
GENERAL_ADVICE
SCHOOL_ACT
LGR22
LGRSAR22
GY11
GYSAR13
LVUX12
SFI

# methods/documents.py: search document fields: filled by to_document, read by the engine's facets and sorts
method_theme
method_format
method_duration
title_sort

# methods/forms/bundle.py: form fields and widget options (rendered by Django, named in templates)
_.existing_item
_.error_list

# methods/models/feedback.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
moderated_at
moderated_by

# methods/models/submissions.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
published_notified_at

# methods/models/terms.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
LESSON
SERIES

# methods/selectors.py: reached by Django, Wagtail or a template
badge

# methods/services/feedback.py: fields written for the record (who, when), read in templates or by lookups
_.moderated_by
_.moderated_at

# methods/services/notifications.py: fields written for the record (who, when), read in templates or by lookups
_.approved_notifications
_.rejected_notifications

# rekas/api.py: django-ninja schema fields (the JSON an API client gets) and renamed query parameters
kind_label
municipality_name
programme_code
applicants_per_place
fill_rate
shortage
balance
surplus
coverage
fallback_weight
demand_index
match_label
area_name
barometer_round
not_published
pressure_measure
pressure_label

# rekas/documents.py: search document fields: filled by to_document, read by the engine's facets and sorts
programme_kind

# rekas/forms.py: MapForm's fields (rendered by Django, named in rekas/includes/map_form.html)
karta
yrke

# rekas/importers/writer.py: reached by Django, Wagtail or a template
_.rows_replaced
_.rows_flagged

# rekas/models/admissions.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
rows_read
rows_replaced
rows_flagged
PRELIMINARY

# rekas/models/summaries.py: columns written by rekas.aggregates from a DataFrame and read by name (values())
rows_without_places
pressure_high
increase
decrease

# rekas/models/review.py, rekas/importers/pending.py: keys of waiting rows, read by string lookups
programme_key
place_key
_.programme_key
_.place_key

# rekas/models/occupations.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
MEDIUM
SHORTAGE
BALANCE
SURPLUS
PARADOX
INCREASE
UNCHANGED
DECREASE
taxonomy_version

# rekas/api/university.py, yh.py, matching_rates.py: django-ninja schema fields (the JSON an API client gets)
all_eligible_admitted
nobody_admitted
employed_margin
self_employed_margin
job_seeking_margin
studying_margin
other_margin

# rekas/forms.py: UniversityFilterForm's fields (the query parameters of /rekas/hogskola/)
larosate
termin
ort

# rekas/models/postsecondary.py: model fields written by the imports, read by ordering and lookups
term_order
employed
self_employed
job_seeking
studying

# rekas/views/tables.py: read by the template rekas/includes/table.html
own_period

# tests/rekas/test_scb.py: a Django setting the fetch reads through rekas.conf
_.REKAS_SCB_API_URL

# rekas/models/programmes.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
VOCATIONAL
PREPARATORY

# rekas/views/tables.py: reached by Django, Wagtail or a template
empty_text
_.body_html
_.head_html

# search/checks.py: management subcommands (do_<name>), Django check signature, mirror columns queried by lookups
app_configs

# search/management/commands/search_index.py: management subcommands (do_<name>), Django check signature, mirror columns queried by lookups
_.do_rebuild
_.do_sync
_.do_status
_.do_reconcile

# search/models.py: model fields and choices: read in templates, by string lookups (filter/update/values) or written for the record
title_text
search_text

# syvsite/accounts/forms.py: form fields and widget options (rendered by Django, named in templates)
accept_terms

# syvsite/accounts/lockout.py: named by dotted path in settings or called by Django/axes
lockout_response
original_response

# syvsite/core/csrf.py: named by dotted path in settings (middleware, logging, views, CSRF) or set on Django objects
csrf_failure

# syvsite/core/logging.py: named by dotted path in settings (middleware, logging, views, CSRF) or set on Django objects
JsonFormatter

# syvsite/core/middleware.py: named by dotted path in settings (middleware, logging, views, CSRF) or set on Django objects
SecurityHeadersMiddleware
SiteLanguageMiddleware
NullCharacterMiddleware
_._mutable

# syvsite/core/seed.py: named by dotted path in settings (middleware, logging, views, CSRF) or set on Django objects
_.is_staff

# syvsite/core/views.py: named by dotted path in settings (middleware, logging, views, CSRF) or set on Django objects
page_not_found
server_error

# syvsite/regions/services.py: fields written for the record (who, when), read in templates or by lookups
load_regions

# tests/core/test_english.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
compiled_english

# tests/core/test_site.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
_.ROOT_URLCONF
_.raise_request_exception

# tests/factories.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
skip_postgeneration_save

# tests/forum/factories.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
django_get_or_create

# tests/forum/safety.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
handle_startendtag

# tests/forum/test_concurrency.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
require_postgres

# tests/forum/test_posting.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
_.FORUM_POSTS_PER_PAGE

# tests/forum/test_ratelimit.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
_.FORUM_REPORT_RATE_LIMITS

# tests/guidance_plans/test_coordination_and_panels.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
directory

# tests/guidance_plans/test_seed.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
seeded

# tests/internships/test_certificates.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
_.INTERNSHIPS_CERTIFICATE_LINK_DAYS

# tests/methods/test_browser.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
transactional_db

# tests/methods/test_concurrency.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
method_bank

# tests/rekas/test_pages.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
dangerous_school

# tests/rekas/test_partial_statistics.py, test_fetch.py: fixtures named for their side effect, settings a test sets, server options
merit_only
daemon_threads
handle_error
_.REKAS_YRKESBAROMETER_URL
_.REKAS_YRKESBAROMETER_TIMEOUT

# tests/search/test_adapter.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
do_DELETE
do_GET
do_HEAD
do_POST
do_PUT

# tests/search/test_fallback.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
ranked_type

# tests/search/test_registry.py: pytest fixtures named for their side effect, settings a test sets, handler hooks
phase

# syvsite/accounts/middleware.py: a middleware named in settings.MIDDLEWARE; Django calls its hooks
SecondFactorMiddleware
_.process_view
_.process_exception

# syvsite/home/blocks.py: a Wagtail block's Meta option
admin_text

# syvsite/privacy/retention.py: a rule's texts, shown by the privacy page's retention block
_.removes
_.keeps

# tests/internships/test_retention.py, tests/privacy/test_retention.py: settings a test sets
_.INTERNSHIPS_CERTIFICATE_RETENTION_DAYS
_.INTERNSHIPS_ROUND_RETENTION_DAYS
_.INTERNSHIPS_BOOKING_RETENTION_DAYS
_.FORUM_IP_RETENTION_DAYS

# syvsite/privacy/models.py: choices offered by the access log's search form (.choices)
EXTRACT
ERASE
PUPIL

# internships/models: retention markers, read by lookups (erased_at__isnull) and written by update()
erased_at

# syvsite/core: named by dotted path in settings (CACHES, MIDDLEWARE)
ResilientRedisCache
PageCacheMiddleware

# tests/core/test_cache_server.py: a setting the test points at its own cache server
_.CACHES

# search/results.py: read by search/templates/search/search.html
exact_total

# syvsite/maps/render.py: read by maps/map.html
class_label

# tests/core/test_two_factor.py: a setting a test sets
_.OTP_TOTP_THROTTLE_FACTOR

# tests/facts and tests/omvarld: settings a test sets for the code it exercises
_.FACTS_REVIEW_AFTER_MONTHS
_.FACTS_LINK_TIMEOUT
_.OMVARLD_READ_TIMEOUT
_.OMVARLD_MAX_BYTES
_.OMVARLD_TOTAL_TIMEOUT

# tests/http_fixtures.py: read by socketserver.ThreadingMixIn
_.daemon_threads

# facts/documents.py, omvarld/documents.py: search document fields, filled by name from to_document
fact_kind
fact_year
year_sort
omvarld_source

# facts/models/choices.py: choices read by their values (Kind.values, forms, templates)
RESEARCH
REPORT
INQUIRY
STEERING
GUIDELINES
STATISTICS
WEB
REGISTRATION
PAID

# facts and omvarld models: fields read in templates, exports and lookups
licence
source_for_rekas
source_page
news_page
# tests/core/test_formrenderer.py: a form field and a widget setting Django reads
levels
option_template_name

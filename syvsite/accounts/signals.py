"""Extension points for a member's own data: the download (JSON) and the deletion of the account.

Domain apps take part through two signals, connected in their AppConfig.ready():

- `collect_personal_data(sender, user)`: a receiver returns `(key, data)`; `data` must be
  JSON-serialisable (dates are fine). It ends up under `key` in the download.
- `account_deleting(sender, user)`: sent inside the deletion transaction, before the user row
  is deleted, so an app can anonymise what must survive (forum posts keep their text but lose
  their author) and remove the rest. An exception aborts the whole deletion.
"""

from django.dispatch import Signal

collect_personal_data = Signal()
account_deleting = Signal()

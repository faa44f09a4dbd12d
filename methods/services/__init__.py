"""Every write in the method bank: plain functions with keyword-only arguments, each in one
transaction, refusing with methods.exceptions.

- feedback: "Jag har använt metoden", ratings, comments and their moderation
- submissions: methods members contribute from the front end, through Wagtail's workflow
- notifications: e-mail to the contributing member as the review goes on
- bank: the method bank's fixed structure (vocabularies, /metoder/, workflow, rights)
"""

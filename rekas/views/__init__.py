"""The request layer: public REKAS pages (public), the staff upload in the Wagtail admin (admin),
the tables the pages show (admission_tables, outlook_tables on tables) and their downloads."""

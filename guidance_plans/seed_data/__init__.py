"""Demo content for guidance plans, coordination and news (used by guidance_plans/seed.py)."""

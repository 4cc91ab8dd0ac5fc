"""kg site (under construction)."""

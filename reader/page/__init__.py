"""An article made into safe HTML (no Qt)."""

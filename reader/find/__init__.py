"""Search and recommendations (no Qt)."""

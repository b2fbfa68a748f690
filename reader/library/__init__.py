"""What a content pack is and how it is read, cached and checked (no Qt)."""

"""The sub-commands: search, related, kiosk-pin, kiosk-check (no Qt)."""

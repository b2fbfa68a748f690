"""Kiosk mode: the controller, the on-screen keyboard, the QR code and the configuration."""

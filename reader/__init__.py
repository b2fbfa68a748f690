"""Offline Reader: a bundled library of health-information articles, readable offline."""

__version__ = "0.1.0"
APP_NAME = "Offline Reader"
ORG_NAME = "OfflineReader"

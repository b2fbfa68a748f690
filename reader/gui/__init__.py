"""The Qt window of the reader. Everything under here may import PySide6."""

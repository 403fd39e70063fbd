"""Bundled resources (templates, fonts, translations), importable as ``salesdesigner.resources``."""

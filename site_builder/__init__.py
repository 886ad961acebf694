"""Validate the Vietnam Apparatus Reform data packages and build the static site."""

__version__ = "0.1.0"

"""The one error type a build stage raises for a problem the user can fix (no traceback)."""


class BuildError(Exception):
    """A build problem explained as a sentence naming the file and the fix."""

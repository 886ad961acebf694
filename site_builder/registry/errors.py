"""The one error of the registry import."""


class RegistryError(ValueError):
    """The registry data cannot be turned into our tables; the message says why and what to do."""

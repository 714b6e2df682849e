"""lzip: audit a county's IP-strong-county plan against the figures its agencies report."""

__version__ = "0.1.0"

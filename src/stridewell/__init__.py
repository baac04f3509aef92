"""Stridewell: an injury-aware strength and running coach for runners."""

__version__ = "0.1.0"
__all__ = ["__version__"]

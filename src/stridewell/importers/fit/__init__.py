"""Our vectorised FIT decoder (see `decoder`) and FIT -> Activity conversion (see `activity`)."""

from .activity import activities_from_fit, fit_to_activities
from .decoder import FitFile, FitMessages, decode_fit

__all__ = ["FitFile", "FitMessages", "activities_from_fit", "decode_fit", "fit_to_activities"]

from __future__ import annotations

from datetime import date
from pathlib import Path

import platformdirs
import pytest

from stridewell.config import Settings, SettingsError, default_database_url, load_settings


def test_defaults_to_a_sqlite_file_in_the_user_data_directory() -> None:
    settings = load_settings({})
    expected = Path(platformdirs.user_data_dir("stridewell")) / "stridewell.sqlite"
    assert settings.database_url == f"sqlite:///{expected}" == default_database_url()
    assert settings.today_override is None


def test_environment_sets_the_database_and_today() -> None:
    settings = load_settings(
        {"STRIDEWELL_DATABASE_URL": "postgresql+psycopg://u@h/db", "STRIDEWELL_TODAY": "2026-03-11"}
    )
    assert settings.database_url == "postgresql+psycopg://u@h/db"
    assert settings.today() == date(2026, 3, 11)


def test_a_blank_variable_means_the_default() -> None:
    assert load_settings({"STRIDEWELL_DATABASE_URL": "  "}).database_url == default_database_url()


def test_a_bad_today_is_a_settings_error() -> None:
    with pytest.raises(SettingsError, match="STRIDEWELL_TODAY='tomorrow'"):
        load_settings({"STRIDEWELL_TODAY": "tomorrow"})


def test_the_db_option_overrides_and_settings_stay_frozen() -> None:
    settings = Settings(database_url="sqlite:///a.sqlite")
    assert settings.with_database_url(None) is settings
    assert settings.with_database_url("sqlite:///b.sqlite").database_url == "sqlite:///b.sqlite"
    with pytest.raises(AttributeError):
        settings.database_url = "x"  # type: ignore[misc]


def test_without_override_today_is_the_real_date() -> None:
    assert Settings(database_url="sqlite://").today() == date.today()

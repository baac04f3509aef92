"""`stridewell serve` refuses, in one line, what would stop the server from starting."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from stridewell.cli.serve import exposure_warning
from stridewell.web.server import port_problem
from tests.cli.runner import Cli


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        yield int(holder.getsockname()[1])


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(env={"STRIDEWELL_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite'}"})


def test_a_free_port_is_fine_and_a_busy_one_is_reported(busy_port: int) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = int(probe.getsockname()[1])
    assert port_problem("127.0.0.1", free) is None
    problem = port_problem("127.0.0.1", busy_port)
    assert problem is not None and f"127.0.0.1:{busy_port}" in problem


def test_serve_on_a_busy_port_says_so_and_exits_1(cli: Cli, busy_port: int) -> None:
    message = cli.error("serve", "--port", str(busy_port))
    assert f"cannot listen on 127.0.0.1:{busy_port}" in message
    assert "--port" in message


def test_serve_with_an_unusable_database_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cli = Cli(env={"STRIDEWELL_DATABASE_URL": f"sqlite:///{blocker / 'db.sqlite'}"})
    assert "cannot use the database" in cli.error("serve", "--port", "1")


def test_serve_rejects_a_port_out_of_range(cli: Cli) -> None:
    assert "65535" in cli.error("serve", "--port", "65536", exit_code=2)


def test_serve_with_a_weak_secret_key_says_so(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = int(probe.getsockname()[1])
    cli = Cli(
        env={
            "STRIDEWELL_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite'}",
            "STRIDEWELL_SECRET_KEY": "short",
        }
    )
    assert "STRIDEWELL_SECRET_KEY must be at least 16" in cli.error("serve", "--port", str(free))


def test_serving_beyond_this_computer_without_accounts_warns(cli: Cli, busy_port: int) -> None:
    assert exposure_warning("127.0.0.1", has_accounts=False) is None
    assert exposure_warning("::1", has_accounts=False) is None
    assert exposure_warning("localhost", has_accounts=False) is None
    assert exposure_warning("0.0.0.0", has_accounts=True) is None
    warning = exposure_warning("0.0.0.0", has_accounts=False)
    assert warning is not None and "stridewell user add" in warning
    assert exposure_warning("coach.example", has_accounts=False) is not None
    # The CLI prints it before starting (here the busy port then stops it).
    result = cli("serve", "--host", "0.0.0.0", "--port", str(busy_port))
    assert result.exit_code == 1
    assert "Warning: listening on 0.0.0.0 without accounts" in result.stderr


def test_the_server_compiles_its_templates_and_freezes_the_heap_before_serving(
    tmp_path: Path,
) -> None:
    import gc

    from stridewell.config import Settings
    from stridewell.web.app import create_app
    from stridewell.web.server import settle_heap

    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path / 'x.sqlite'}"), secret_key="k" * 20
    )
    templates = app.state.web.templates
    try:
        settle_heap(app)
        assert gc.get_freeze_count() > 10_000
        cached = {key[1] for key in templates.cache.keys()}  # (loader ref, name)
        assert set(templates.list_templates(extensions=["html"])) <= cached
    finally:
        gc.unfreeze()

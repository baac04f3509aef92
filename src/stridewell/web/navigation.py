"""The main navigation. A later slice adds its page with one more entry here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    label: str
    path: str

    def is_current(self, request_path: str) -> bool:
        if self.path == "/":
            return request_path == "/"
        return request_path == self.path or request_path.startswith(self.path + "/")


NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem("Today", "/"),
    NavItem("Plan", "/plan"),
    NavItem("Log", "/log"),
    NavItem("Activities", "/activities"),
    NavItem("Progress", "/progress"),
    NavItem("Exercises", "/exercises"),
    NavItem("Profile", "/profile"),
)

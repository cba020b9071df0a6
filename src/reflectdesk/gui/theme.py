"""Light, dark or system appearance (a palette on the Fusion style) and the font size."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def _palette(colors: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


R = QPalette.ColorRole

LIGHT = {
    R.Window: "#f3f4f6",
    R.WindowText: "#1f2328",
    R.Base: "#ffffff",
    R.AlternateBase: "#f6f8fa",
    R.ToolTipBase: "#ffffff",
    R.ToolTipText: "#1f2328",
    R.PlaceholderText: "#6e7781",
    R.Text: "#1f2328",
    R.Button: "#eaedf0",
    R.ButtonText: "#1f2328",
    R.BrightText: "#ffffff",
    R.Light: "#ffffff",
    R.Midlight: "#e4e7eb",
    R.Mid: "#c8ccd1",
    R.Dark: "#a0a6ad",
    R.Shadow: "#6e7781",
    R.Highlight: "#1f6feb",
    R.HighlightedText: "#ffffff",
    R.Link: "#0a58ca",
    R.LinkVisited: "#6f42c1",
}

DARK = {
    R.Window: "#1e2227",
    R.WindowText: "#e6e8eb",
    R.Base: "#262b31",  # fields lighter than the window: check boxes and inputs stand out
    R.AlternateBase: "#2c3238",
    R.ToolTipBase: "#2b3036",
    R.ToolTipText: "#e6e8eb",
    R.PlaceholderText: "#8b949e",
    R.Text: "#e6e8eb",
    R.Button: "#2b3036",
    R.ButtonText: "#e6e8eb",
    R.BrightText: "#ffffff",
    R.Light: "#3a4048",
    R.Midlight: "#30353c",
    R.Mid: "#23272d",
    R.Dark: "#111316",
    R.Shadow: "#000000",
    R.Highlight: "#2f81f7",
    R.HighlightedText: "#ffffff",
    R.Link: "#58a6ff",
    R.LinkVisited: "#bc8cff",
}


@dataclass(frozen=True, slots=True)
class Accents:
    """Colours for the app's own drawing (diffs, hints, snippets) on the current palette."""

    dark: bool
    added_bg: str
    removed_bg: str
    hint_bg: str
    hint_border: str
    match_bg: str
    error_text: str
    ok_text: str
    muted_text: str


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def accents(palette: QPalette | None = None) -> Accents:
    if is_dark(palette):
        return Accents(
            True, "#1b4721", "#5c1d24", "#3b3320", "#8a6d1f", "#6b5a12",
            "#ff7b72", "#56d364", "#9aa4ae",
        )  # fmt: skip
    return Accents(
        False, "#dafbe1", "#ffebe9", "#fff8e1", "#d4a72c", "#fff0a8",
        "#b42318", "#1a7f37", "#57606a",
    )  # fmt: skip


class ThemeManager:
    """Applies a theme and a font size to the running application.

    "system" leaves Qt's platform look alone (it follows the desktop's light or dark
    mode by itself); "light" and "dark" set the Fusion style and our palettes. The
    original look is remembered the first time we change it, to go back to "system".
    """

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._original: tuple[str, QPalette] | None = None
        self._font: QFont | None = None
        self.theme = "system"
        self.font_size = 0

    def apply(self, theme: str, font_size: int = 0) -> None:
        theme = theme if theme in THEMES else "system"
        if theme == "system":
            if self._original is not None and self.theme != "system":
                style, palette = self._original
                self._app.setStyle(style)
                self._app.setPalette(palette)
        else:
            if self._original is None:
                self._original = (self._app.style().name(), QPalette(self._app.palette()))
            self._app.setStyle("Fusion")
            dark = theme == "dark"
            self._app.setPalette(_palette(DARK, "#6e7681") if dark else _palette(LIGHT, "#8c959f"))
        self.theme = theme
        if font_size > 0 or self._font is not None:
            if self._font is None:
                self._font = QFont(self._app.font())
            font = QFont(self._font)
            if font_size > 0:
                font.setPointSize(font_size)
            self._app.setFont(font)
        self.font_size = font_size

"""The dashboard's entries-per-week chart, drawn with Qt Charts (PySide6-Addons; why
Qt Charts and not pyqtgraph or matplotlib: docs/architecture.md, "The dashboard's
chart", with the figures).

Bars per ISO week: stacked by student when a cohort has few enough to tell the colours
apart (``STACK_MAX``, with a legend), else the cohort's total; with a student selected,
her entries in the accent colour at the foot of each bar and the rest of the cohort in
grey above. A double click on a bar says which week and, where the bar part is one
student's, whose (``bar_clicked``). Exports to PNG and SVG as bytes (the page writes
them atomically). Colours follow the palette (light and dark).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QMargins,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reflectdesk.domain.dashboard import DashboardView
from reflectdesk.gui.theme import is_dark

STACK_MAX = 8
# Okabe & Ito's colour-blind-safe qualitative palette (8 colours).
STACK_COLOURS = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
)  # fmt: skip
EXPORT_SIZE = QSize(1200, 600)


def nice_scale(top: int, most: int = 6) -> tuple[int, int]:
    """(step, tick count) for an axis from 0 over ``top``: whole steps of 1, 2 or 5 × 10ⁿ,
    at most ``most`` ticks, the last one at or above ``top``."""
    top = max(top, 1)
    magnitude = 1
    while True:
        for base in (1, 2, 5):
            step = base * magnitude
            ticks = -(-top // step) + 1
            if ticks <= most:
                return step, ticks
        magnitude *= 10


class ExportableChart(QWidget):
    """A Qt Charts chart in a view, coloured from the palette, that exports itself (the
    chart alone, its title drawn in) to PNG and SVG bytes. The dashboard's weekly chart
    and the case study's frequency chart are two of them."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.chart = QChart()
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart_view)
        self.title = ""

    def _colours(self) -> tuple[QColor, QColor, QColor, QColor]:
        """(background, text, accent, muted) from the palette (light or dark)."""
        pal = self.palette()
        muted = QColor("#5a6370") if is_dark(pal) else QColor("#b8c0c8")
        return (
            pal.color(QPalette.ColorRole.Base),
            pal.color(QPalette.ColorRole.Text),
            pal.color(QPalette.ColorRole.Highlight),
            muted,
        )

    def _clear_chart(self) -> tuple[QColor, QColor, QColor, QColor]:
        """The chart emptied and coloured for a redraw (no title on screen: the tab names
        it; the exports draw it in, ``_render``; a smaller legend); the colours."""
        background, text, accent, muted = self._colours()
        chart = self.chart
        chart.removeAllSeries()
        chart.setBackgroundBrush(background)
        chart.setTitle("")
        chart.setTitleBrush(text)
        title_font = QFont(self.font())
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        legend = chart.legend()
        legend.setLabelColor(text)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.8))
        legend.setFont(small)  # eight names fit beside the bars at 1024×600
        return background, text, accent, muted

    def redraw(self) -> None:  # pragma: no cover - each chart draws its own
        raise NotImplementedError

    # -- exports --------------------------------------------------------------------------------
    def _render(self, painter: QPainter, size: QSize) -> None:
        """The chart alone (no scroll bars, no frame) at ``size``."""
        old = self.chart.size()
        self.chart.setTitle(self.title)
        self.chart.resize(float(size.width()), float(size.height()))
        self._settle()
        try:
            painter.fillRect(QRectF(0, 0, size.width(), size.height()), self._colours()[0])
            self.chart.scene().render(
                painter,
                QRectF(0, 0, size.width(), size.height()),
                QRectF(0, 0, size.width(), size.height()),
            )
        finally:
            self.chart.setTitle("")
            self.chart.resize(old)
            self._settle()

    def _settle(self) -> None:
        """Lay the chart out at its new size now (Qt Charts lays out on a posted
        event: rendered before it, the old and the new layout overlap)."""
        layout = self.chart.layout()
        if layout is not None:
            layout.activate()
        QCoreApplication.sendPostedEvents(self.chart, QEvent.Type.LayoutRequest)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def png_bytes(self, size: QSize = EXPORT_SIZE) -> bytes:
        return png_of(size, self._render)

    def svg_bytes(self, size: QSize = EXPORT_SIZE) -> bytes:
        return svg_of(size, self.title, self._render)


Paint = Callable[[QPainter, QSize], None]


def png_of(size: QSize, paint: Paint) -> bytes:
    """What ``paint(painter, size)`` draws, as PNG bytes (antialiased)."""
    image = QImage(size, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        paint(painter, size)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, the binding a str
    buffer.close()
    return bytes(data.data())


def svg_of(size: QSize, title: str, paint: Paint) -> bytes:
    """What ``paint(painter, size)`` draws, as an SVG document titled ``title``."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    painter = QPainter(generator)
    try:
        paint(painter, size)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


class WeeklyChart(ExportableChart):
    bar_clicked = Signal(int, str)  # week index, contact id ("": several students' bar)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("weeklyChart", parent)
        # The axes live as long as the chart (removed and made anew at each redraw, the
        # old ones wait for a deferred delete and an export would draw them too).
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart_view.setObjectName("weeklyPlot")
        self.view: DashboardView | None = None
        self.selected: str | None = None
        self.axis_labels = ("", "")
        # Per bar set drawn: the contact id it stands for ("" for the cohort's total).
        self.set_owner: list[str] = []

    # -- drawing -------------------------------------------------------------------------------
    def set_texts(self, title: str, x_label: str, y_label: str) -> None:
        self.title = title
        self.axis_labels = (x_label, y_label)

    def show_view(self, view: DashboardView | None, selected: str | None = None) -> None:
        self.view = view
        self.selected = selected
        self.redraw()

    def _bar_set(self, label: str, values: list[int], colour: QColor, owner: str) -> QBarSet:
        bar_set = QBarSet(label)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(colour)
        bar_set.setBorderColor(colour)
        index = len(self.set_owner)
        self.set_owner.append(owner)
        bar_set.doubleClicked.connect(lambda week, k=index: self._clicked(k, week))
        return bar_set

    def redraw(self) -> None:
        _background, text, accent, muted = self._clear_chart()
        chart = self.chart
        self.set_owner = []
        legend = chart.legend()
        legend.setVisible(False)
        view = self.view
        if view is None or not view.weeks:
            self.x_axis.clear()
            self.y_axis.setRange(0, 1)
            return
        n = len(view.weeks)
        totals = [sum(s.weeks[k] for s in view.students) for k in range(n)]
        students = [s for s in view.students if s.entries]
        mine = next((s for s in view.students if s.contact_id == self.selected), None)
        series: QBarSeries | QStackedBarSeries
        if mine is not None:
            series = QStackedBarSeries()
            series.append(self._bar_set(mine.name, list(mine.weeks), accent, mine.contact_id))
            rest = [t - m for t, m in zip(totals, mine.weeks, strict=True)]
            series.append(self._bar_set(self.tr_others(), rest, muted, ""))
            legend.setVisible(True)
        elif 1 < len(students) <= STACK_MAX:
            series = QStackedBarSeries()
            for k, s in enumerate(students):
                colour = QColor(STACK_COLOURS[k % len(STACK_COLOURS)])
                series.append(self._bar_set(s.name, list(s.weeks), colour, s.contact_id))
            legend.setVisible(True)
        else:
            series = QBarSeries()
            only = students[0].contact_id if len(students) == 1 else ""
            series.append(self._bar_set(self.title, totals, accent, only))
        series.setBarWidth(0.8)
        chart.addSeries(series)
        x_axis, y_axis = self.x_axis, self.y_axis
        x_axis.clear()
        step = max(1, (n + 11) // 12)
        # Every week is a category; only every ``step``-th is labelled (the others get
        # distinct runs of zero-width spaces: a category axis needs unique names).
        x_axis.append(
            [
                f"W{w.isocalendar()[1]:02d}" if k % step == 0 else "\u200b" * (k + 1)
                for k, w in enumerate(view.weeks)
            ]
        )
        years = sorted({w.isocalendar()[0] for w in view.weeks})
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        x_axis.setTitleText(f"{self.axis_labels[0]} ({span})")
        step, ticks = nice_scale(max(totals, default=0))
        y_axis.setRange(0, step * (ticks - 1))
        y_axis.setTickCount(ticks)
        y_axis.setLabelFormat("%d")
        y_axis.setTitleText(self.axis_labels[1])
        for axis in (x_axis, y_axis):
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setLinePenColor(muted)
            axis.setGridLineColor(muted)
        x_axis.setGridLineVisible(False)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)

    def tr_others(self) -> str:
        return self.tr("Rest of the cohort")

    # -- clicks ---------------------------------------------------------------------------------
    def _clicked(self, set_index: int, week: int) -> None:
        owner = self.set_owner[set_index] if 0 <= set_index < len(self.set_owner) else ""
        self.bar_clicked.emit(week, owner)

    def click_bar(self, week: int, contact_id: str = "") -> None:
        """As a double click on a bar (keyboard users and tests)."""
        self.bar_clicked.emit(week, contact_id)

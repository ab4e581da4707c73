"""Matplotlib helpers for the static twins (no pyplot state: safe in scripts and servers)."""

from __future__ import annotations

from matplotlib.figure import Figure

from .style import PALETTE


def new_figure(title: str, subtitle: str = "", width: float = 9.0, height: float = 4.8):
    """A Figure with one Axes, the title on top and the subtitle below it."""
    from cycler import cycler

    fig = Figure(figsize=(width, height), layout="constrained")
    ax = fig.add_subplot()
    ax.set_prop_cycle(cycler(color=list(PALETTE)))
    fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold")
    if subtitle:
        ax.set_title(subtitle, loc="left", fontsize=9, color="#555")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, ax


def empty_figure_mpl(title: str, message: str) -> Figure:
    """The static "nothing to show" figure."""
    fig, ax = new_figure(title, "n = 0", height=3.0)
    ax.text(0.5, 0.5, f"Nothing to show: {message}", ha="center", va="center", color="#555")
    ax.set_axis_off()
    return fig

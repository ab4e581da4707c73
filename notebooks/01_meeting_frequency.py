# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Meeting frequency: who met whom, and when
#
# Run all cells (*Run → Run All Cells*), then use the explorer:
#
# 1. In **Actors**, type a name in the search box and click it; hold Ctrl (Cmd on a Mac)
#    to pick a second one, e.g. *Xi Jinping* and *Vladimir Putin*. The chart shows the
#    meetings between them per month; one actor shows all of its meetings.
# 2. Change **Period** (week, month, quarter, year), **Group by** (pair, actor, mode) or
#    switch the **Chart** to a timeline; narrow the **Dates**, **Status**, **Mode**,
#    **Language** or **Source**.
# 3. The table under the chart lists the meeting reports behind it, with the sentence
#    and a link to each article.
# 4. **Export** writes the chart (PNG, SVG, PDF, HTML) and the rows (CSV) to the folder
#    shown next to the button (`exports/` next to this notebook).
#
# A meeting reported by several articles is counted once. Planned meetings are hatched;
# meetings that were denied, cancelled or only hoped for are not counted unless you
# select them under *Status*.

# %%
import newsanalysis as na
from newsanalysis.widgets import MeetingExplorer

result = na.load_sample()  # your own result: na.Analysis.load("results/my-corpus")

# %%
MeetingExplorer(result)

# %% [markdown]
# The numbers behind the chart are a pandas table, for your own analysis:

# %%
na.aggregate.meeting_frequency(result, period="month", by="pair").drop(columns="meeting_ids").head(20)

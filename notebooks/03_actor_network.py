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
# # Actor network: who is connected to whom
#
# Run all cells, then use the explorer. Two actors are linked when they are
# **mentioned in the same sentence** (grey), **met** (blue: meetings that happened) or
# one is **quoted about** the other (orange, dotted: speaker → actor). Bigger nodes are
# mentioned more often, thicker lines have more sentences, meetings or quotes behind
# them, and colours mark communities of closely linked actors.
#
# - **Actors** keeps the links of the actors you pick; **Focus** shows one actor's
#   neighbourhood (1 or 2 **Steps** away).
# - **Links** chooses the kinds of link, **Min weight** hides weak links,
#   **Max actors** limits the picture to the most mentioned actors.
# - Hover over the middle of a link to read the sentences behind it; the table lists
#   them all with a link to each article. **Export** writes chart and rows to `exports/`.

# %%
import newsanalysis as na
from newsanalysis.widgets import ActorNetworkExplorer

result = na.load_sample()  # your own result: na.Analysis.load("results/my-corpus")

# %%
ActorNetworkExplorer(result)

# %% [markdown]
# The links as a table (weight, first and last date, evidence):

# %%
na.aggregate.network_edges(result).drop(columns="evidence").head(20)

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
# # Quote sentiment: who said what, and in what tone
#
# Run all cells, then use the explorer. Each dot is one quote, placed by its tone from
# −1 (negative) to +1 (positive); the black diamond is the speaker's average with its
# 95% confidence interval. Every speaker shows **n**, the number of quotes: an average
# of fewer than five quotes is marked *few quotes* and says little.
#
# - **Speakers**: search and pick one or several (Ctrl/Cmd-click) to compare them.
# - **Chart**: *by speaker*, or *over time* (average tone per period).
# - **Min quotes** hides speakers quoted less often; **Speakers** sets how many are shown.
# - The table lists the quotes behind the chart with a link to each article;
#   **Export** writes chart and quotes to `exports/`.

# %%
import newsanalysis as na
from newsanalysis.widgets import QuoteSentimentExplorer

result = na.load_sample()  # your own result: na.Analysis.load("results/my-corpus")

# %%
QuoteSentimentExplorer(result)

# %% [markdown]
# The per-speaker table (mean, confidence interval, number of quotes):

# %%
na.aggregate.sentiment_by_speaker(result).head(20)

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
# # Quick start: from news articles to tables
#
# This notebook loads articles, runs the analysis and saves the result. It opens on the
# sample bundled with newsanalysis; to use your own articles, change the path in the
# first code cell below and run all cells (menu *Run → Run All Cells*).
#
# The result is a set of tidy tables: **articles**, **actors**, **mentions**,
# **quotes** (with speaker and sentiment), **meetings** (who met whom, how, when, and
# whether it happened) and **errors** (every input that could not be read).

# %%
import newsanalysis as na

# %% [markdown]
# ## 1. Load articles
#
# `na.load` reads files, folders and patterns: `.txt` (with an optional `.json` of
# metadata next to it), `.html`, `.jsonl`, `.csv`, `.xlsx`, `.parquet` and RSS/Atom feeds.
# For example `na.load("~/news/")` or `na.load("kompas_*.xlsx")`. A table already in
# pandas goes through `na.load_table(df, text="content", title="title", published="date")`.

# %%
articles_path = na.sample_path()  # ← your own folder or file pattern here
corpus = na.load(articles_path)
corpus

# %% [markdown]
# ## 2. Analyse
#
# One call finds the actors, quotes, meetings and their dates, and scores the tone of
# each quote. Large corpora are spread over all processor cores automatically.

# %%
result = na.analyze(corpus)
result

# %% [markdown]
# ## 3. Look at the tables
#
# Each table is a pandas DataFrame. Offsets (`start`, `end`) point into
# `result.articles.text`, so every row can be traced back to its sentence.

# %%
result.quotes[["speaker", "text", "kind", "sentiment", "sentiment_label"]].head(10)

# %%
result.meetings[["participants", "mode", "status", "date_start", "evidence"]].head(10)

# %%
result.errors

# %% [markdown]
# ## 4. Save, and load again later
#
# `save` writes each table as Parquet into a folder; `na.Analysis.load` reads it back.
# The other notebooks (`01_meeting_frequency`, `02_quote_sentiment`,
# `03_actor_network`) open the bundled sample with `na.load_sample()`, which analyses it
# once and keeps the result; to open your own result there, replace that line with
# `na.Analysis.load("results/my-corpus")`. The same from a terminal:
# `newsanalysis analyze ARTICLES --out results/my-corpus`, then
# `newsanalysis report results/my-corpus --out report.html`.

# %%
saved = result.save("results/my-corpus")
again = na.Analysis.load(saved)
again.summary()

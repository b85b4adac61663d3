"""Charts and the highlighted article: presentation only, drawn from an analysis's tables.

* :mod:`~newsresearch.charts.registry` — every chart of the notebooks, the report and
  ``newsresearch figures``, defined once: ``draw("02_sentiment-by-actor", analysis)`` draws
  it and saves ``reports/figures/NN_name.png`` plus ``NN_name.csv``, the data drawn;
* :mod:`~newsresearch.charts.style` — the house style and :func:`save_chart`, the one helper
  that saves a chart with its data;
* :mod:`~newsresearch.charts.highlighting` — :func:`highlight`, the article as escaped HTML;
* the chart families, one per notebook: :mod:`~newsresearch.charts.words` (01),
  :mod:`~newsresearch.charts.framing` (02), :mod:`~newsresearch.charts.voices` (03),
  :mod:`~newsresearch.charts.amounts` (04, 05), :mod:`~newsresearch.charts.coverage` (06:
  comparisons across a corpus, drawn from :mod:`newsresearch.compare` tables).

Each ``*_chart`` function draws exactly the table it is given. matplotlib is imported inside
the functions, never at ``import newsresearch``.

Examples
--------
>>> import tempfile
>>> from newsresearch import analyze, charts
>>> a = analyze("“We stay,” said Mayor Jane Doe. The city has 40,000 residents.")
>>> charts.draw("04_magnitudes", a, out_dir=tempfile.mkdtemp())[["surface", "magnitude"]]
  surface  magnitude
0  40,000    40000.0
"""

from __future__ import annotations

from .amounts import (
    figure_magnitude_chart,
    figure_magnitude_data,
    figure_sources_chart,
    figure_sourcing_chart,
    figure_sourcing_data,
    figure_timeline_chart,
    figure_timeline_data,
)
from .framing import (
    actor_sentiment_chart,
    lexicon_comparison_chart,
    mention_map_chart,
    mention_map_data,
)
from .highlighting import Highlighted, highlight, speaker_colours
from .registry import (
    CHARTS,
    CORPUS_CHARTS,
    Chart,
    chart_data,
    check_figures,
    draw,
    draw_all,
    get_chart,
    render,
    source_line,
)
from .style import (
    NEGATIVE,
    NEUTRAL,
    PALETTE,
    POSITIVE,
    SOURCE,
    bar_chart,
    finish,
    new_figure,
    save_chart,
    save_table,
)
from .voices import (
    cue_verb_chart,
    cue_verb_data,
    sourcing_chart,
    sourcing_data,
    voice_presence_chart,
    voice_presence_data,
)
from .words import quality_chart, quality_data, word_frequency_chart

__all__ = [
    # the registry
    "CHARTS", "CORPUS_CHARTS", "Chart", "draw", "draw_all", "render", "chart_data", "get_chart",
    "check_figures", "source_line",
    # style and saving
    "PALETTE", "NEGATIVE", "NEUTRAL", "POSITIVE", "SOURCE", "new_figure", "finish",
    "save_chart", "save_table", "bar_chart",
    # the highlighted article
    "Highlighted", "highlight", "speaker_colours",
    # chart families
    "word_frequency_chart", "quality_data", "quality_chart",
    "mention_map_data", "mention_map_chart", "actor_sentiment_chart",
    "lexicon_comparison_chart",
    "voice_presence_data", "voice_presence_chart", "cue_verb_data", "cue_verb_chart",
    "sourcing_data", "sourcing_chart",
    "figure_magnitude_data", "figure_magnitude_chart", "figure_sourcing_data",
    "figure_sourcing_chart", "figure_timeline_data", "figure_timeline_chart",
    "figure_sources_chart",
]

"""Charts of notebook 03: who speaks and who is only spoken about, the cue verbs, the sourcing.

Each ``*_chart`` draws exactly the table it is given (a ``*_data`` table), so that the table
saved beside the picture is the data drawn.
"""

from __future__ import annotations

import pandas as pd

from .style import NEUTRAL, PALETTE, SOURCE, empty_chart, finish, new_figure

__all__ = ["voice_presence_data", "voice_presence_chart", "cue_verb_data", "cue_verb_chart",
           "sourcing_data", "sourcing_chart"]


def voice_presence_data(quotes: pd.DataFrame, actors: pd.DataFrame, *, top: int = 10,
                        indirect: bool = False,
                        actor_types=("person", "organization", "group", "place")
                        ) -> pd.DataFrame:
    """Count, per actor, the mentions (presence) and the quoted passages (voice).

    Parameters
    ----------
    quotes : DataFrame
        An ``extract_quotes`` frame.
    actors : DataFrame
        A ``find_actors`` frame.
    top : int
        Keep the ``top`` most-mentioned actors, plus every actor who is quoted.
    indirect : bool
        Count reported speech without quote marks as voice too.
    actor_types : sequence of str
        Which actor types to list (speakers are always listed).

    Returns
    -------
    DataFrame
        ``actor, actor_type, mentions, quotes, mention_share, quote_share`` where the shares
        are over all mentions and all attributed quoted passages of the article (``label``
        rows — signs, scare quotes, titles — are no voice and are left out).

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["Ann", "Ann"], "kind": ["direct", "direct"]})
    >>> a = pd.DataFrame({"actor": ["Ann", "Bo", "Bo"], "actor_type": ["person"] * 3})
    >>> voice_presence_data(q, a)[["actor", "mentions", "quotes"]].values.tolist()
    [['Bo', 2, 0], ['Ann', 1, 2]]
    """
    cols = ["actor", "actor_type", "mentions", "quotes", "mention_share", "quote_share"]
    # labels (the text of a sign, a scare quote) are words in quote marks, not voice
    q = quotes[quotes["kind"] != "label"] if "kind" in quotes else quotes
    q = q if indirect else q[q["kind"] != "indirect"]
    q = q[q["speaker"].notna()]
    voice = q.groupby("speaker").size()
    presence = actors.groupby("actor").size() if len(actors) else pd.Series(dtype=int)
    types = (actors.drop_duplicates("actor").set_index("actor")["actor_type"]
             if len(actors) else pd.Series(dtype=object))
    names = list(dict.fromkeys(list(presence.index) + list(voice.index)))
    if not names:
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame({"actor": names})
    df["actor_type"] = [types.get(n, "group" if n[:1].islower() else None) for n in names]
    df["mentions"] = [int(presence.get(n, 0)) for n in names]
    df["quotes"] = [int(voice.get(n, 0)) for n in names]
    df["mention_share"] = df["mentions"] / max(1, int(presence.sum()))
    df["quote_share"] = df["quotes"] / max(1, len(q))
    df = df.sort_values(["mentions", "quotes"], ascending=False, kind="stable")
    typed = df[df["actor_type"].isin(list(actor_types))]
    keep = set(typed.head(top)["actor"]) | set(df.loc[df["quotes"] > 0, "actor"])
    return df[df["actor"].isin(keep)].reset_index(drop=True)[cols]


def voice_presence_chart(data: pd.DataFrame, *, title: str | None = None,
                         source: str = SOURCE):
    """Paired bars per actor: share of mentions vs share of quoted passages.

    Examples
    --------
    >>> d = pd.DataFrame({"actor": ["Ann", "Bo"], "mention_share": [.2, .8],
    ...                   "quote_share": [1.0, 0.0], "mentions": [1, 4], "quotes": [2, 0]})
    >>> voice_presence_chart(d).axes[0].get_xlabel()
    'share of the article (%)'
    """
    import numpy as np

    if data.empty:
        return empty_chart("actors", source=source)
    fig, ax = new_figure(width=7.5, height=max(2.8, 0.42 * len(data) + 1.4))
    y = np.arange(len(data))[::-1]
    ax.barh(y + 0.2, 100 * data["mention_share"], height=0.4, color=PALETTE[5],
            label="mentions (presence)")
    ax.barh(y - 0.2, 100 * data["quote_share"], height=0.4, color=PALETTE[3],
            label="quoted passages (voice)")
    ax.set_yticks(y, data["actor"])
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", frameon=False)
    if title is None:
        speaking = int((data["quotes"] > 0).sum())
        title = f"{speaking} of {len(data)} most-present actors are quoted"
    finish(ax, title=title, xlabel="share of the article (%)", source=source)
    return fig


def cue_verb_data(quotes: pd.DataFrame) -> pd.DataFrame:
    """Count the cues that introduce quotes, marked neutral, loaded or other.

    ``loaded`` cues are in ``resources/quote_loaded_verbs.txt`` ("claimed", "admitted",
    "insisted"); ``neutral`` are the other speech verbs ("said", "told"); ``other`` are
    non-verb cues (a colon, "according to", a sign).

    Returns
    -------
    DataFrame
        ``cue, tone, quotes`` most frequent first.

    Examples
    --------
    >>> q = pd.DataFrame({"cue": ["said", "said", "insisted", ":", None]})
    >>> cue_verb_data(q).values.tolist()
    [['said', 'neutral', 2], ['insisted', 'loaded', 1], [':', 'other', 1]]
    """
    from ..quotes import loaded_verbs, speech_verbs

    cues = quotes["cue"].dropna().astype(str).str.lower()
    if cues.empty:
        return pd.DataFrame(columns=["cue", "tone", "quotes"])
    counts = cues.value_counts(sort=False).rename("quotes").rename_axis("cue").reset_index()
    loaded, verbs = loaded_verbs(), speech_verbs()
    counts["tone"] = ["loaded" if c in loaded else "neutral" if c in verbs else "other"
                      for c in counts["cue"]]
    counts = counts.sort_values("quotes", ascending=False, kind="stable")
    return counts[["cue", "tone", "quotes"]].reset_index(drop=True)


def cue_verb_chart(data: pd.DataFrame, *, title: str | None = None, source: str = SOURCE):
    """Bar chart of cue words coloured by tone (a ``cue_verb_data`` table).

    Examples
    --------
    >>> d = pd.DataFrame({"cue": ["said", "claimed"], "tone": ["neutral", "loaded"],
    ...                   "quotes": [3, 1]})
    >>> cue_verb_chart(d).axes[0].get_xlabel()
    'quotes and reported statements'
    """
    tone_colour = {"neutral": PALETTE[0], "loaded": PALETTE[3], "other": NEUTRAL}
    if data.empty:
        return empty_chart("cues", source=source)
    fig, ax = new_figure(width=7, height=max(2.5, 0.3 * len(data) + 1.2))
    ax.barh(data["cue"][::-1], data["quotes"][::-1],
            color=[tone_colour[t] for t in data["tone"][::-1]])
    ax.grid(axis="y", visible=False)
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=c, label=t) for t, c in tone_colour.items()],
              loc="lower right", frameon=False)
    if title is None:
        total = int(data["quotes"].sum())
        loaded = int(data.loc[data["tone"] == "loaded", "quotes"].sum())
        title = f"{loaded} of {total} cues are loaded verbs"
    finish(ax, title=title, xlabel="quotes and reported statements", source=source)
    return fig


def sourcing_data(quotes: pd.DataFrame, *, indirect: bool = True) -> pd.DataFrame:
    """Count quotes by source type (named person/organization, anonymous, document, unknown).

    Returns
    -------
    DataFrame
        ``source_type, quotes, share`` in a fixed order, zero rows included; no rows at all
        when there are no quotes (nothing to share out).

    Examples
    --------
    >>> q = pd.DataFrame({"source_type": ["named_person", "anonymous"], "kind": ["direct"] * 2})
    >>> sourcing_data(q)["quotes"].tolist()
    [1, 0, 1, 0, 0]
    """
    from ..quotes import SOURCE_TYPES

    # labels (the text of a sign, a scare quote) are words in quote marks, not voice
    q = quotes[quotes["kind"] != "label"] if "kind" in quotes else quotes
    q = q if indirect else q[q["kind"] != "indirect"]
    if q.empty:
        return pd.DataFrame({"source_type": pd.Series(dtype=object),
                             "quotes": pd.Series(dtype="int64"),
                             "share": pd.Series(dtype=float)})
    counts = q["source_type"].value_counts()
    df = pd.DataFrame({"source_type": list(SOURCE_TYPES)})
    df["quotes"] = [int(counts.get(t, 0)) for t in SOURCE_TYPES]
    df["share"] = df["quotes"] / len(q)
    return df


def sourcing_chart(data: pd.DataFrame, *, title: str | None = None, source: str = SOURCE):
    """Bar chart of quotes by source type (a ``sourcing_data`` table).

    Examples
    --------
    >>> d = pd.DataFrame({"source_type": ["named_person", "anonymous"], "quotes": [3, 1],
    ...                   "share": [.75, .25]})
    >>> sourcing_chart(d).axes[0].get_xlabel()
    'quotes and reported statements'
    """
    colours = {"named_person": PALETTE[0], "named_organization": PALETTE[5],
               "anonymous": PALETTE[3], "document": PALETTE[1], "unknown": NEUTRAL}
    if data.empty:
        return empty_chart("quotes", source=source)
    if title is None:
        total = int(data["quotes"].sum())
        anon = int(data.loc[data["source_type"] == "anonymous", "quotes"].sum())
        title = f"{anon} of {total} quotes and reported statements come from unnamed sources"
    fig, ax = new_figure(width=7, height=3)
    ax.barh(data["source_type"][::-1], data["quotes"][::-1],
            color=[colours.get(t, NEUTRAL) for t in data["source_type"][::-1]])
    ax.grid(axis="y", visible=False)
    finish(ax, title=title, xlabel="quotes and reported statements", source=source)
    return fig

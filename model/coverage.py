"""How the rest of a request stands towards a claim under check: every claim's links, in one place.

A fact-checking desk sends a claim and the coverage of it (``emergent_eval.py`` does exactly this): a
document that holds a single claim is a *claim under check*, and every other document of the request
(copies counted once, see ``model.independence``) is read as a whole by the learned stance model
(``model.agreement``: agrees, denies, discusses, unrelated). The claim's ``Links`` then carry the summed
probabilities that the coverage agrees with it and denies it. A claim inside a longer document is linked
to the rest of the request sentence by sentence (``model.links``) and gets no document stances: reading
every document against every claim would cost claims x documents model rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from model.agreement import Agreement
from model.denial_aim import DenialAim
from model.independence import link_independent, originals
from model.paraphrase import Paraphrase
from model.rebuttals import with_rebuttals
from model.types import Claim, Document, Links


def linked(documents: Sequence[Document], claims: Sequence[Claim], agreement: Agreement | None,
           paraphrase: Paraphrase | None = None, aim: DenialAim | None = None) -> tuple[list[Claim], list[Links]]:
    """Every claim's links, and the claims with the stance their links show (a rebuttal denies)."""
    links = relate(documents, claims, agreement, paraphrase, aim)
    return with_rebuttals(claims, links), links


def relate(documents: Sequence[Document], claims: Sequence[Claim], agreement: Agreement | None,
           paraphrase: Paraphrase | None = None, aim: DenialAim | None = None) -> list[Links]:
    """Links for every claim (aligned with ``claims``): between claims (paraphrases inside an article too, with
    a ``paraphrase`` model), and from the coverage of each claim under check (none without a stance model)."""
    links = link_independent(documents, claims, paraphrase, aim)
    if agreement is None or len(documents) < 2:
        return links
    origin = originals(documents)
    per_doc = np.bincount([c.doc_index for c in claims], minlength=len(documents))
    checked = [k for k, c in enumerate(claims) if per_doc[c.doc_index] == 1]
    # Each claim under check against every other original document but its own group's.
    pairs = [(k, d) for k in checked for d in range(len(documents))
             if origin[d] == d and origin[d] != origin[claims[k].doc_index]]
    if not pairs:
        return links
    row = {k: i for i, k in enumerate(checked)}
    ia = np.array([row[k] for k, _ in pairs])
    p = agreement.predict_proba_indexed([claims[k].text for k in checked], [d.text for d in documents], ia,
                                        [d for _, d in pairs])
    # Summed in document order, then rounded: the same request in any order gives the same links.
    agree = np.bincount(ia, weights=p[:, agreement.classes.index("agrees")], minlength=len(checked))
    deny = np.bincount(ia, weights=p[:, agreement.classes.index("denies")], minlength=len(checked))
    out = list(links)
    for k, i in row.items():
        out[k] = replace(out[k], documents_agreeing=round(float(agree[i]), 6),
                         documents_denying=round(float(deny[i]), 6))
    return out

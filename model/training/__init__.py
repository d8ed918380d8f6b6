"""Training and evaluation: data -> Pipelines -> artifacts and model cards, and the accuracy commands.

Serving never imports this package; it reads only what training wrote to ``model/artifacts/``.

    python -m model.training.train                       # the scorer
    python -m model.training.agreement                   # the stance model (a text towards a claim)
    python -m model.training.evaluate polnear SPLIT_DIR  # attribution spans on PolNeAR
"""

from threadpoolctl import threadpool_limits

# One BLAS thread: a fit's floating-point sums then run in one order on every machine, so an artifact's
# bytes (and the answers they give) do not depend on how many cores trained it.
threadpool_limits(1)

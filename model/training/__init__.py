"""Training code: data -> scikit-learn Pipelines -> artifacts and cards. Serving never imports this package."""

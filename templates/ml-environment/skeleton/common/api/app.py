"""Inference API of ${{ values.project }}: serves one model of the MLflow registry.

MODEL_NAME picks the registered model; MODEL_VERSION (set by the release from
the chart's model.version) or else MODEL_ALIAS (default "champion") picks the
version. The model is loaded on first use, so /health answers while MLflow is
still empty and says whether a model is loaded.
"""
import os
from functools import lru_cache

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="inference-api")


class PredictRequest(BaseModel):
    instances: list[list[float]]


def model_uri() -> str:
    name = os.environ.get("MODEL_NAME", "${{ values.project }}")
    version = os.environ.get("MODEL_VERSION", "").strip()
    if version:
        return f"models:/{name}/{version}"
    return f"models:/{name}@{os.environ.get('MODEL_ALIAS', 'champion')}"


class ModelUnavailable(Exception):
    """The registry has no such model version yet, or MLflow cannot be reached."""


@lru_cache(maxsize=1)
def load_model():
    import mlflow.pyfunc
    from mlflow.exceptions import MlflowException

    try:
        return mlflow.pyfunc.load_model(model_uri())
    except (MlflowException, OSError) as error:
        raise ModelUnavailable(f"model {model_uri()} is not available: {error}") from error


@app.get("/health")
def health():
    return {"status": "ok", "model": model_uri(), "loaded": load_model.cache_info().currsize > 0}


@app.post("/predict")
def predict(request: PredictRequest):
    try:
        model = load_model()
    except ModelUnavailable as error:
        raise HTTPException(status_code=503, detail=str(error)) from error
    predictions = model.predict(request.instances)
    return {"model": model_uri(), "predictions": [float(p) for p in predictions]}

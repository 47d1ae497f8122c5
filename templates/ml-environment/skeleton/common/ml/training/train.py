"""Trains the starting model and writes its metrics for the quality gate.

Replace the dataset and model with the project's own; keep writing
--output, which the training workflow compares with ml/baseline-metrics.json.
"""
import argparse
import json
import os

from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def train():
    features, labels = load_breast_cancer(return_X_y=True)
    x_train, x_test, y_train, y_test = train_test_split(features, labels, test_size=0.25, random_state=42)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(x_train, y_train)
    metrics = {
        "auc": float(roc_auc_score(y_test, model.predict_proba(x_test)[:, 1])),
        "precision": float(precision_score(y_test, model.predict(x_test))),
    }
    return model, metrics


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", default="metrics.json")
    args = parser.parse_args()
    model, metrics = train()
    if os.environ.get("MLFLOW_TRACKING_URI"):
        import mlflow
        import mlflow.sklearn

        with mlflow.start_run():
            mlflow.log_metrics(metrics)
            mlflow.sklearn.log_model(model, "model", registered_model_name=os.environ.get("MODEL_NAME"))
    with open(args.output, "w") as f:
        json.dump(metrics, f)
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()

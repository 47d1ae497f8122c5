from fastapi.testclient import TestClient

import app as api


class ConstantModel:
    def predict(self, instances):
        return [0.5 for _ in instances]


def test_health_answers_before_a_model_is_loaded(monkeypatch):
    monkeypatch.setenv("MODEL_NAME", "fraud")
    monkeypatch.setenv("MODEL_VERSION", "3")
    api.load_model.cache_clear()
    body = TestClient(api.app).get("/health").json()
    assert body == {"status": "ok", "model": "models:/fraud/3", "loaded": False}


def test_predict_uses_the_model(monkeypatch):
    monkeypatch.setattr(api, "load_model", lambda: ConstantModel())
    response = TestClient(api.app).post("/predict", json={"instances": [[1.0, 2.0], [3.0, 4.0]]})
    assert response.status_code == 200
    assert response.json()["predictions"] == [0.5, 0.5]


def test_predict_says_when_no_model_is_registered(monkeypatch):
    def missing():
        raise api.ModelUnavailable("model models:/fraud@champion is not available: RESOURCE_DOES_NOT_EXIST")

    monkeypatch.setattr(api, "load_model", missing)
    monkeypatch.delenv("MODEL_VERSION", raising=False)
    monkeypatch.setenv("MODEL_NAME", "fraud")
    response = TestClient(api.app).post("/predict", json={"instances": [[1.0]]})
    assert response.status_code == 503
    assert "models:/fraud@champion" in response.json()["detail"]

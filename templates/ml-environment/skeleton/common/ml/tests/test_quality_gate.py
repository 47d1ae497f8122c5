from quality_gate import compare


def test_passes_when_metrics_hold():
    assert compare({"auc": 0.90}, {"auc": 0.905}, 0.01) == []


def test_fails_when_metric_drops():
    assert compare({"auc": 0.80}, {"auc": 0.90}, 0.01)


def test_fails_when_metric_missing():
    assert compare({}, {"auc": 0.90}, 0.01)

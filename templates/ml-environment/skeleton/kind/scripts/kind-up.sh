#!/usr/bin/env bash
# Creates the local environment: registry on localhost:5001, the 3-node kind
# cluster, random credentials as Kubernetes secrets, the data services with the
# MLflow bucket in MinIO, and monitoring.
set -euo pipefail
cluster="${{ values.name }}"
registry=kind-registry

if [ "$(docker inspect -f '{{.State.Running}}' "$registry" 2>/dev/null || true)" != "true" ]; then
  docker run -d --restart=always -p "127.0.0.1:5001:5000" --network bridge --name "$registry" registry:2
fi

kind get clusters | grep -qx "$cluster" || kind create cluster --config kind/cluster.yaml

# Point containerd on every node at the local registry.
for node in $(kind get nodes --name "$cluster"); do
  docker exec "$node" mkdir -p /etc/containerd/certs.d/localhost:5001
  printf '[host."http://%s:5000"]\n' "$registry" | docker exec -i "$node" cp /dev/stdin /etc/containerd/certs.d/localhost:5001/hosts.toml
done
docker network connect kind "$registry" 2>/dev/null || true

kubectl apply -f k8s/namespace.yaml -f k8s/local-registry-hosting.yaml
# Credentials are generated here and live only in the cluster.
kubectl -n mlops-system get secret mlflow-database >/dev/null 2>&1 ||
  kubectl -n mlops-system create secret generic mlflow-database \
    --from-literal=username=mlflow --from-literal=password="$(openssl rand -hex 16)"
kubectl -n mlops-system get secret minio-credentials >/dev/null 2>&1 ||
  kubectl -n mlops-system create secret generic minio-credentials \
    --from-literal=root-user=mlflow --from-literal=root-password="$(openssl rand -hex 16)"
kubectl apply -f k8s/
# One bucket name everywhere: MLflow's artifact destination, this Job, helm/mlflow.
kubectl -n mlops-system wait --for=condition=complete job/minio-bucket --timeout=5m

# Prometheus and Grafana (host port 3001); the Grafana admin password is generated here.
kubectl create namespace monitoring --dry-run=client -o yaml | kubectl apply -f -
kubectl -n monitoring get secret grafana-admin >/dev/null 2>&1 ||
  kubectl -n monitoring create secret generic grafana-admin \
    --from-literal=admin-user=admin --from-literal=admin-password="$(openssl rand -hex 16)"
helm repo add prometheus-community https://prometheus-community.github.io/helm-charts --force-update >/dev/null
helm upgrade --install monitoring prometheus-community/kube-prometheus-stack --version 65.1.1 \
  --namespace monitoring -f helm/monitoring/values.yaml --wait --timeout 10m

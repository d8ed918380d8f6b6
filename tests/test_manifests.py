"""The Kubernetes manifests against the Kubernetes schemas, and the compose file and Prometheus config by parsing.

No cluster and no Docker engine run here: kubernetes-validate carries the schemas offline, and the compose
file is checked for what makes it work (the build context, the ports, the scrape target).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from service import create_app

kubernetes_validate = pytest.importorskip("kubernetes_validate")

ROOT = Path(__file__).resolve().parents[1]
K8S = ROOT / "deploy" / "k8s"
# The oldest Kubernetes still commonly run beside the newest the validator knows.
VERSIONS = ("1.29.0", kubernetes_validate.latest_version())
LABELS = {"app.kubernetes.io/name": "reliability", "app.kubernetes.io/component": "api"}


def manifests() -> dict[str, dict]:
    found = {}
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                found[doc["kind"]] = doc
    return found


@pytest.fixture(scope="module")
def k8s() -> dict[str, dict]:
    return manifests()


def mebibytes(quantity: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", quantity).groups()
    return int(number) * (1024 if unit == "Gi" else 1)


def measured_mb(name: str, pattern: str) -> float:
    """The last figure matching ``pattern`` in a bench results file."""
    return float(re.findall(pattern, (ROOT / "bench" / "results" / name).read_text())[-1])


@pytest.mark.parametrize("version", VERSIONS)
def test_manifests_validate_strictly_against_the_kubernetes_schemas(k8s, version):
    assert set(k8s) == {"Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"}
    for doc in k8s.values():
        kubernetes_validate.validate(doc, version, strict=True)


def test_probes_ports_and_selectors_agree(k8s):
    deployment, service = k8s["Deployment"], k8s["Service"]
    pod = deployment["spec"]["template"]
    (container,) = pod["spec"]["containers"]
    assert deployment["spec"]["selector"]["matchLabels"] == LABELS == pod["metadata"]["labels"]
    assert service["spec"]["selector"] == LABELS
    assert k8s["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"] == LABELS
    target = k8s["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment["metadata"]["name"])
    (port,) = container["ports"]
    assert port["containerPort"] == 8000  # the image binds 0.0.0.0:8000
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": port["name"]}
    assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": port["name"]}
    assert service["spec"]["ports"][0]["targetPort"] == port["name"]
    routes = {r.rule for r in create_app().url_map.iter_rules()}
    assert {"/readyz", "/healthz", pod["metadata"]["annotations"]["prometheus.io/path"]} <= routes


def test_keys_come_from_a_secret_as_digests(k8s):
    pod = k8s["Deployment"]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert "RELIABILITY_API_KEYS" not in env  # never plain keys in a manifest
    keys_file = Path(env["RELIABILITY_API_KEYS_FILE"])
    mount = next(m for m in container["volumeMounts"] if Path(m["mountPath"]) == keys_file.parent)
    volume = next(v for v in pod["volumes"] if v["name"] == mount["name"])
    assert volume["secret"]["secretName"] == "reliability-api-keys"


def test_resources_come_from_the_measured_memory(k8s):
    (container,) = k8s["Deployment"]["spec"]["template"]["spec"]["containers"]
    resources = container["resources"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    workers = int(env["WEB_CONCURRENCY"])
    # master + 2 workers after 10,000 requests of 840 distinct articles: the memos full, as in a long-running pod
    steady = measured_mb("memory-train.txt", r"total footprint \(sum of PSS\): ([\d.]+) MB")
    largest_request = measured_mb("request_memory.txt", r"adds ([\d.]+) MB")
    assert workers == 2 and steady * 1.2 <= mebibytes(resources["requests"]["memory"]) < steady * 1.5
    assert mebibytes(resources["limits"]["memory"]) >= steady + workers * largest_request
    assert float(resources["requests"]["cpu"]) <= workers


def test_compose_runs_the_service_beside_a_prometheus_that_scrapes_it():
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    service, prometheus = compose["services"]["reliability"], compose["services"]["prometheus"]
    context = (ROOT / "deploy" / service["build"]["context"]).resolve()
    assert (context / service["build"]["dockerfile"]).is_file() and context == ROOT
    assert any(p.endswith(":8000:8000") for p in service["ports"])
    assert re.fullmatch(r"prom/prometheus:v\d+\.\d+\.\d+", prometheus["image"])  # pinned
    (volume,) = prometheus["volumes"]
    config_file, mounted, _ = volume.split(":")
    assert mounted == "/etc/prometheus/prometheus.yml" and f"--config.file={mounted}" in prometheus["command"]
    config = yaml.safe_load((ROOT / "deploy" / config_file).read_text())
    (job,) = config["scrape_configs"]
    (targets,) = job["static_configs"]
    assert targets["targets"] == ["reliability:8000"]  # the compose service's name and container port
    assert job["metrics_path"] == "/metrics"
    metrics = create_app().test_client().get(job["metrics_path"])
    assert metrics.status_code == 200 and b"http_requests_total" in metrics.data

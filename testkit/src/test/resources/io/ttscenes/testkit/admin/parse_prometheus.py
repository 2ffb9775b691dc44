# Parses Prometheus text exposition from stdin with the official Python client's parser and
# prints one JSON line per sample: {"family", "type", "name", "labels", "value"}.
import json
import sys

try:
    from prometheus_client.parser import text_string_to_metric_families
except ImportError:
    sys.stderr.write("the Python prometheus_client parser is missing; "
                     "install it with: apt-get install -y python3-prometheus-client\n")
    sys.exit(3)

for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        print(json.dumps({"family": family.name, "type": family.type, "name": sample.name,
                          "labels": sample.labels, "value": sample.value}, sort_keys=True))

"""GraphML export: networkx (and yEd) read back names, kinds, lanes and edges, whatever the text."""

from __future__ import annotations

import json
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings

from salesdesigner.model import Lane, Process, Stage, StageKind, Transition
from salesdesigner.storage.graphml import export_graphml, graphml_bytes, xml_safe
from tests.interchange.test_json_roundtrip import sample
from tests.strategies import processes


def test_networkx_reads_back_stages_lanes_kpis_and_edges(tmp_path: Path) -> None:
    path = tmp_path / "p.graphml"
    export_graphml(sample(), path)
    g = nx.read_graphml(path)
    assert list(g.nodes) == ["start", "approach", "won"]
    node = g.nodes["approach"]
    assert (node["name"], node["kind"], node["lane"], node["lane_name"]) == (
        "アプローチ", "stage", "is", "インサイドセールス")
    assert (node["x"], node["y"], node["duration_days"]) == (360.5, 0.0, 7.0)
    assert node["exit_criteria"] == "日程確定\n決裁者判明"
    assert [k["name"] for k in json.loads(node["kpis"])] == ["アポ率", "リードタイム"]
    assert node["kpi_summary"].splitlines() == ["アポ率: ≥ 10%", "リードタイム: ≤ 2.25 日"]
    assert "duration_days" not in g.nodes["won"]  # no value, no attribute
    assert g.edges["approach", "won"] == {"id": "t2", "label": "アポ獲得", "condition": "日程確定"}
    assert g.graph["name"] == "法人営業プロセス" and g.graph["language"] == "ja"


def test_yed_graphics_give_each_node_a_label_shape_and_lane_colour() -> None:
    root = ET.fromstring(graphml_bytes(sample()))
    y = "{http://www.yworks.com/xml/graphml}"
    shapes = root.findall(f".//{y}ShapeNode")
    assert [s.find(f"{y}NodeLabel").text for s in shapes] == ["開始", "アプローチ", "受注"]
    assert [s.find(f"{y}Shape").get("type") for s in shapes] == [
        "ellipse", "roundrectangle", "octagon"]
    assert shapes[1].find(f"{y}Fill").get("color") == "#F58518"  # the lane's colour
    geometry = shapes[1].find(f"{y}Geometry")  # yEd wants the top-left corner
    assert (float(geometry.get("x")), float(geometry.get("width"))) == (260.5, 200.0)
    assert root.find(f".//{y}EdgeLabel").text == "アポ獲得"


def test_control_characters_are_replaced_and_the_file_still_parses(tmp_path: Path) -> None:
    p = Process(id="p", name="a\x00b")
    p.add_lane(Lane("l\x01", "部門\x0b"))
    p.add_stage(Stage("s\x01", "名前\x1f<b>&]]>", lane="l\x01", goal="x\r\ny\rz",
                      exit_criteria=("\ufffe", "ok")))
    p.add_stage(Stage("s\x02", "other", StageKind.WON))  # same id once \x01/\x02 are replaced
    p.add_transition(Transition("t\x00", "s\x01", "s\x02", "\x07"))
    path = tmp_path / "hostile.graphml"
    export_graphml(p, path)
    g = nx.read_graphml(path)
    assert len(g) == 2 and g.number_of_edges() == 1
    first = g.nodes["s\ufffd"]
    assert first["name"] == "名前\ufffd<b>&]]>"
    assert first["goal"] == "x\ny\nz"
    assert first["exit_criteria"] == "\ufffd\nok"
    assert first["lane"] == "l\ufffd" and first["lane_name"] == "部門\ufffd"
    assert g.nodes["s\ufffd~2"]["name"] == "other"
    assert g.edges["s\ufffd", "s\ufffd~2"]["label"] == "\ufffd"


def test_xml_safe_keeps_tabs_newlines_emoji_and_cjk() -> None:
    assert xml_safe("\t営業\n😀👍🏽") == "\t営業\n😀👍🏽"
    assert xml_safe("\x00\x08\x0c\x1f\ud800\uffff") == "\ufffd" * 6


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(processes())
def test_any_process_exports_and_reads_back_with_the_same_graph(p: Process) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.graphml"
        export_graphml(p, path)
        g = nx.read_graphml(path)
    assert g.number_of_nodes() == len(p.stages)
    assert g.number_of_edges() == len(p.transitions)
    assert [d["name"] for _, d in g.nodes(data=True)] == [xml_safe(s.name) for s in p.stages]
    assert [d["kind"] for _, d in g.nodes(data=True)] == [s.kind.value for s in p.stages]
    assert sorted(d["id"] for _, _, d in g.edges(data=True)) == sorted(
        xml_safe(t.id) for t in p.transitions)

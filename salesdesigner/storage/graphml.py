"""GraphML export through networkx, readable by networkx, yEd, Gephi and Cytoscape.

Each stage is a node (its id is the stage id, made XML-safe as below; should two ids then
clash, the later gets a ``~2`` suffix) with plain attributes (name, kind, lane,
lane_name, x, y, goal, description, duration_days, exit_criteria and tips joined by
newlines, kpis/actions/scripts/materials as JSON text plus a readable ``kpi_summary``);
each transition is an edge with id, label and condition.  Process fields are graph
attributes.  For yEd every node and edge also carries yFiles graphics (shape by stage kind,
lane colour, label, geometry) so the file opens as a drawn diagram.

XML 1.0 cannot hold most control characters, U+FFFE/U+FFFF or lone surrogates: such
characters are replaced with U+FFFD (�) so an export never fails on hostile text, and
line breaks are normalised to ``\\n`` (XML readers turn ``\\r`` into ``\\n`` anyway).
This is an export format: it does not round-trip exactly; JSON does.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from salesdesigner.model import Kpi, Process, StageKind
from salesdesigner.model.geometry import stage_size
from salesdesigner.storage.json_format import InterchangeError, atomic_write, json_number

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
NS_GRAPHML = "http://graphml.graphdrawing.org/xmlns"
NS_Y = "http://www.yworks.com/xml/graphml"
_SHAPES = {StageKind.START: "ellipse", StageKind.END: "ellipse", StageKind.WON: "octagon",
           StageKind.LOST: "octagon", StageKind.DECISION: "diamond",
           StageKind.STAGE: "roundrectangle"}
_OUTCOME_COLORS = {StageKind.WON: "#54A24B", StageKind.LOST: "#E45756"}
_NEUTRAL = "#DDE3EA"


def xml_safe(text: str) -> str:
    """``text`` with characters XML 1.0 cannot hold replaced by U+FFFD, newlines as ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL_XML.sub("\ufffd", text)


def _json(value: object) -> str:
    return xml_safe(json.dumps(value, ensure_ascii=False))


def _kpi_text(kpi: Kpi) -> str:
    target = "" if kpi.target is None else f"{json_number(kpi.target, 'KPI', 'target')}"
    unit = f" {kpi.unit}" if kpi.unit and not kpi.unit.startswith("%") else kpi.unit
    arrow = "≥" if kpi.direction.value == "higher" else "≤"
    return f"{kpi.name}: {arrow} {target}{unit}" if target else kpi.name


def _node_ids(process: Process) -> dict[str, str]:
    """Stage id → an XML-safe node id, still unique after unsafe characters are replaced."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    for sid in process.stage_ids:
        base = xml_safe(sid)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}~{n}", n + 1
        taken.add(candidate)
        result[sid] = candidate
    return result


def process_to_graph(process: Process) -> nx.DiGraph:
    """The process as a plain DiGraph whose attributes are all XML-safe strings or floats."""
    lanes = {lane.id: lane for lane in process.lanes}
    node_id = _node_ids(process)
    g = nx.DiGraph()
    g.graph.update({k: xml_safe(v) for k, v in process.metadata().items()
                    if isinstance(v, str) and k != "logo"})
    g.graph["process_id"] = g.graph.pop("id")
    g.graph["lanes"] = _json([{"id": lane.id, "name": lane.name, "color": lane.color}
                              for lane in process.lanes])
    for s in process.stages:
        lane = lanes.get(s.lane) if s.lane else None
        attrs: dict[str, str | float] = {
            "name": xml_safe(s.name), "kind": s.kind.value,
            "lane": xml_safe(s.lane or ""), "lane_name": xml_safe(lane.name if lane else ""),
            "x": float(s.position.x), "y": float(s.position.y),
            "goal": xml_safe(s.goal), "description": xml_safe(s.description),
            "exit_criteria": xml_safe("\n".join(s.exit_criteria)),
            "kpi_summary": xml_safe("\n".join(_kpi_text(k) for k in s.kpis)),
            "kpis": _json([{"id": k.id, "name": k.name,
                            "target": json_number(k.target, "KPI", "target"),
                            "unit": k.unit, "direction": k.direction.value,
                            "definition": k.definition} for k in s.kpis]),
            "actions": _json([{"title": a.title, "owner": a.owner, "timing": a.timing,
                               "detail": a.detail} for a in s.actions]),
            "scripts": _json([{"title": c.title, "situation": c.situation, "body": c.body}
                              for c in s.scripts]),
            "materials": _json([{"title": m.title, "uri": m.uri, "note": m.note}
                                for m in s.materials]),
            "tips": xml_safe("\n".join(s.tips)),
        }
        if s.duration_days is not None:
            attrs["duration_days"] = float(s.duration_days)
        g.add_node(node_id[s.id], **attrs)
    for t in process.transitions:
        g.add_edge(node_id[t.source], node_id[t.target], id=xml_safe(t.id),
                   label=xml_safe(t.label), condition=xml_safe(t.condition))
    return g


def _add_yed_graphics(xml: bytes, process: Process) -> bytes:
    """Insert yFiles ShapeNode/PolyLineEdge data so yEd draws labels, shapes and colours.

    The graphics come first inside each element so readers that also map yFiles geometry
    to ``x``/``y`` (networkx does) end with our centre coordinates, which follow.
    """
    ET.register_namespace("", NS_GRAPHML)
    ET.register_namespace("y", NS_Y)
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
    root = ET.fromstring(xml)
    g = f"{{{NS_GRAPHML}}}"
    y = f"{{{NS_Y}}}"
    for pos, (key_id, target, kind) in enumerate((("yed_node", "node", "nodegraphics"),
                                                  ("yed_edge", "edge", "edgegraphics"))):
        key = ET.Element(f"{g}key", {"id": key_id, "for": target, "yfiles.type": kind})
        root.insert(pos, key)
    lanes = {lane.id: lane.color for lane in process.lanes}
    stages = {node_id: process.stage(sid) for sid, node_id in _node_ids(process).items()}
    graph = root.find(f"{g}graph")
    assert graph is not None  # networkx always writes one
    for node in graph.findall(f"{g}node"):
        stage = stages[node.get("id", "")]
        width, height = stage_size(stage.kind)
        color = _OUTCOME_COLORS.get(stage.kind) or lanes.get(stage.lane or "", _NEUTRAL)
        data = ET.Element(f"{g}data", {"key": "yed_node"})
        shape = ET.SubElement(data, f"{y}ShapeNode")
        ET.SubElement(shape, f"{y}Geometry", {
            "x": repr(float(stage.position.x - width / 2)),
            "y": repr(float(stage.position.y - height / 2)),
            "width": repr(width), "height": repr(height)})
        ET.SubElement(shape, f"{y}Fill", {"color": _hex_color(color), "transparent": "false"})
        ET.SubElement(shape, f"{y}BorderStyle", {"color": "#333333", "type": "line",
                                                   "width": "1.0"})
        label = ET.SubElement(shape, f"{y}NodeLabel", {"fontSize": "12"})
        label.text = xml_safe(stage.name)
        ET.SubElement(shape, f"{y}Shape", {"type": _SHAPES[stage.kind]})
        node.insert(0, data)
    node_id = _node_ids(process)
    transitions = {(node_id[t.source], node_id[t.target]): t for t in process.transitions}
    for edge in graph.findall(f"{g}edge"):
        t = transitions[edge.get("source", ""), edge.get("target", "")]
        data = ET.Element(f"{g}data", {"key": "yed_edge"})
        line = ET.SubElement(data, f"{y}PolyLineEdge")
        ET.SubElement(line, f"{y}Arrows", {"source": "none", "target": "standard"})
        if t.label:
            ET.SubElement(line, f"{y}EdgeLabel").text = xml_safe(t.label)
        edge.insert(0, data)
    ET.indent(root, "  ")
    out = io.BytesIO()
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return out.getvalue()


def _hex_color(color: str) -> str:
    return color if re.fullmatch(r"#[0-9A-Fa-f]{6}", color) else _NEUTRAL


def graphml_bytes(process: Process) -> bytes:
    """The GraphML document (UTF-8) for the process."""
    out = io.BytesIO()
    nx.write_graphml(process_to_graph(process), out, encoding="utf-8")
    return _add_yed_graphics(out.getvalue(), process)


def export_graphml(process: Process, path: Path | str, *, force: bool = False) -> None:
    """Write the process as GraphML to ``path`` (atomically)."""
    try:
        data = graphml_bytes(process)
    except (ValueError, nx.NetworkXError) as exc:
        raise InterchangeError(f"Cannot export GraphML: {exc}.") from None
    atomic_write(Path(path), data, force=force)

"""The example notebooks and the Dossier kernel, through Jupyter's own client libraries.

Scripts/test-notebooks runs this with the project's .venv (Scripts/notebook-tools). Every notebook in
Notebooks/ is executed through the real kernel with nbclient and with `dossier notebook run`; each
fails when a cell errors (unless tagged raises-exception) or when its outputs differ from the
committed ones. Charts must be valid Vega-Lite v5 (altair's copy of the schema), SVG pictures
well-formed XML, and HTML tables well-formed with one cell per column. The kernel's completion,
inspection, errors, interrupts and `jupyter console` are driven as a client would.

After an intended change of output (the extraction finds other relations, say), Scripts/update-notebooks
re-runs the notebooks in place; review the diff before committing.
"""

import copy
import json
import os
import queue
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import nbformat
import pytest
from altair.vegalite.v5.schema.core import load_schema
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "Notebooks").glob("*.ipynb"))
DOSSIER = os.environ.get("DOSSIER_BINARY", str(ROOT / ".build" / "debug" / "dossier"))
VEGA_LITE = "application/vnd.vegalite.v5+json"


@pytest.fixture(scope="session", autouse=True)
def jupyter_home():
    """A private Jupyter (kernel specifications, runtime files) with the Dossier kernel installed by
    `dossier notebook install-kernel`, and a demo-workspace cache shared with the Swift end-to-end tests."""
    with tempfile.TemporaryDirectory(prefix="dossier-jupyter-") as folder:
        prefix = Path(folder) / "prefix"
        installed = subprocess.run([DOSSIER, "notebook", "install-kernel", "--prefix", str(prefix)],
                                   capture_output=True, text=True)
        assert installed.returncode == 0, installed.stderr
        specification = json.loads((prefix / "share/jupyter/kernels/dossier/kernel.json").read_text())
        assert specification["argv"][1:3] == ["notebook", "kernel"] and specification["language"] == "dql"
        saved = dict(os.environ)
        os.environ["JUPYTER_PATH"] = str(prefix / "share/jupyter")
        os.environ["JUPYTER_DATA_DIR"] = str(Path(folder) / "data")
        os.environ["JUPYTER_RUNTIME_DIR"] = str(Path(folder) / "runtime")
        os.environ["JUPYTER_CONFIG_DIR"] = str(Path(folder) / "config")
        os.environ["DOSSIER_CACHE"] = os.path.join(tempfile.gettempdir(), "dossier-e2e-demo-cache")
        try:
            yield Path(folder)
        finally:
            os.environ.clear()
            os.environ.update(saved)


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code" and cell.source.strip()]


def text_of(output):
    """What a person reads of an output: stream text, the plain-text form, or the error's lines."""
    kind = output["output_type"]
    if kind == "stream":
        return ("stream", output["name"], output["text"])
    if kind in ("display_data", "execute_result"):
        return (kind, output["data"].get("text/plain", ""))
    return ("error", output["ename"], "\n".join(output["traceback"]))


def forms_of(output):
    """An output with every form it carries (HTML, charts, SVG), as one comparable value."""
    return json.loads(json.dumps(output, sort_keys=True))


def compare_with_committed(executed, committed, how):
    """Fails on the first cell whose text, or whose other forms, differ from the committed notebook."""
    executed_cells, committed_cells = code_cells(executed), code_cells(committed)
    assert len(executed_cells) == len(committed_cells)
    for number, (ran, kept) in enumerate(zip(executed_cells, committed_cells), start=1):
        texts, expected = [text_of(o) for o in ran.outputs], [text_of(o) for o in kept.outputs]
        assert texts == expected, f"{how}: cell {number} ({kept.source.splitlines()[0]!r}) printed something else"
        assert ran.execution_count == kept.execution_count, f"{how}: cell {number} has another execution count"
        assert [forms_of(o) for o in ran.outputs] == [forms_of(o) for o in kept.outputs], \
            f"{how}: cell {number} ({kept.source.splitlines()[0]!r}) draws something else"


def test_there_are_example_notebooks():
    assert len(NOTEBOOKS) >= 3
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        assert notebook.metadata.kernelspec.name == "dossier"
        # Written for an analyst: prose between the queries, and every query with its outputs.
        assert sum(cell.cell_type == "markdown" for cell in notebook.cells) >= 3
        assert all(cell.outputs for cell in code_cells(notebook)), f"{path.name} has a cell without outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_the_kernel_reproduces_the_committed_outputs(path):
    committed = nbformat.read(path, as_version=4)
    notebook = copy.deepcopy(committed)
    client = NotebookClient(notebook, kernel_name="dossier", timeout=300, startup_timeout=120, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError when a cell not tagged raises-exception errors
    assert notebook.metadata.language_info.name == "dql"
    compare_with_committed(notebook, committed, "through the kernel")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_run_reproduces_the_committed_outputs(path, tmp_path):
    executed_path = tmp_path / path.name
    run = subprocess.run([DOSSIER, "notebook", "run", str(path), "-o", str(executed_path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    executed = nbformat.read(executed_path, as_version=4)
    nbformat.validate(executed)
    compare_with_committed(executed, nbformat.read(path, as_version=4), "dossier notebook run")
    # Written as Jupyter writes notebooks, so re-running leaves the committed file as it is.
    assert executed_path.read_text() == path.read_text()


def outputs_of_type(mime_type):
    for path in NOTEBOOKS:
        for cell in code_cells(nbformat.read(path, as_version=4)):
            for output in cell.outputs:
                if mime_type in output.get("data", {}):
                    yield path.name, output["data"][mime_type]


def test_charts_are_valid_vega_lite_with_an_svg_picture():
    validator = jsonschema.Draft7Validator(load_schema())
    charts = 0
    for path in NOTEBOOKS:
        for cell in code_cells(nbformat.read(path, as_version=4)):
            for output in cell.outputs:
                data = output.get("data", {})
                if VEGA_LITE not in data:
                    continue
                charts += 1
                specification = data[VEGA_LITE]
                errors = [error.message for error in validator.iter_errors(specification)]
                assert not errors, f"{path.name}: {errors[:3]}"
                assert specification["$schema"].startswith("https://vega.github.io/schema/vega-lite/v5")
                assert specification["data"]["values"], f"{path.name}: a chart without data"
                # The picture GitHub shows draws the same bars or points.
                root = ElementTree.fromstring(data["image/svg+xml"])
                assert root.tag == "{http://www.w3.org/2000/svg}svg"
                marks = root.findall(".//{http://www.w3.org/2000/svg}rect[@fill='#4c78a8']") \
                    + root.findall(".//{http://www.w3.org/2000/svg}circle")
                line = specification["mark"]["type"] == "line"
                drawn = [value for value in specification["data"]["values"]
                         if value["value"] is not None and (line or value["value"] > 0)]
                assert len(marks) == len(drawn), f"{path.name}: the SVG draws {len(marks)} marks for {len(drawn)} values"
    assert charts >= 3


def test_networks_are_svg_with_a_circle_per_entity():
    networks = 0
    for name, svg in outputs_of_type("image/svg+xml"):
        root = ElementTree.fromstring(svg)
        if root.find(".//{http://www.w3.org/2000/svg}marker") is None:
            continue
        networks += 1
        circles = root.findall(".//{http://www.w3.org/2000/svg}circle")
        labels = {text.text for text in root.findall("{http://www.w3.org/2000/svg}text")}
        assert circles and all(circle.find("{http://www.w3.org/2000/svg}title").text in labels for circle in circles), name
        assert root.findall("{http://www.w3.org/2000/svg}path"), f"{name}: a network without edges"
    assert networks >= 1


class TagBalance(HTMLParser):
    """Checks that every element an HTML fragment opens it also closes, in order."""

    def __init__(self):
        super().__init__()
        self.open = []
        self.problems = []

    def handle_starttag(self, tag, attributes):
        self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.problems.append(f"</{tag}> closes nothing open")


def test_html_tables_are_well_formed():
    tables = 0
    for name, html in outputs_of_type("text/html"):
        balance = TagBalance()
        balance.feed(html)
        assert not balance.problems and not balance.open, f"{name}: {balance.problems or balance.open}"
        fragment = ElementTree.fromstring(f"<div>{html}</div>")
        for table in fragment.iter("table"):
            tables += 1
            header = [cell.text for cell in table.find("thead/tr")]
            assert header and all(cell.tag == "th" for cell in table.find("thead/tr"))
            rows = table.findall("tbody/tr")
            assert all(len(row) == len(header) and all(cell.tag == "td" for cell in row) for row in rows), name
    assert tables >= 3


# The kernel as a client drives it.

# A filter that takes a second or more over the demo corpus's sentences, and one that takes many.
SLOW_CLAUSE = 'text matches "(\\\\w+\\\\s+){6}\\\\w+ed\\\\b.*\\\\bof\\\\b"'
SLOW_QUERY = " or ".join(f'text matches "(\\\\w+\\\\s+){{6}}\\\\w+{ending}\\\\b.*\\\\b{word}\\\\b"'
                         for ending, word in [("ed", "of"), ("ly", "to"), ("ion", "in"), ("er", "at"), ("al", "on")] * 2)

@pytest.fixture()
def kernel():
    manager, client = start_new_kernel(kernel_name="dossier", startup_timeout=120)
    client.manager = manager
    try:
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def run_cell(client, code, timeout=120):
    """Executes `code`; returns the execute reply's content and the outputs published for it."""
    message_id = client.execute(code)
    outputs = []
    while True:
        message = client.get_iopub_msg(timeout=timeout)
        if message["parent_header"].get("msg_id") != message_id:
            continue
        kind = message["msg_type"]
        if kind in ("stream", "display_data", "execute_result", "error"):
            outputs.append({"output_type": kind, **message["content"]})
        if kind == "status" and message["content"]["execution_state"] == "idle":
            break
    reply = client.get_shell_msg(timeout=timeout)
    assert reply["parent_header"]["msg_id"] == message_id
    return reply["content"], outputs


def test_cells_share_names_parameters_and_settings(kernel):
    info = kernel.kernel_info(reply=True)["content"]
    assert info["language_info"]["name"] == "dql" and info["protocol_version"] == "5.3"
    # The heartbeat channel echoes, so Jupyter knows the kernel is alive.
    deadline = time.monotonic() + 10
    while not kernel.hb_channel.is_beating() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert kernel.is_alive() and kernel.hb_channel.is_beating()
    reply, outputs = run_cell(kernel, "let march = documents | during 2019-03\nparam who: entity = @putin")
    assert reply["status"] == "ok" and outputs == [{"output_type": "stream", "name": "stdout", "text": "march = 8 documents\n"}]
    reply, outputs = run_cell(kernel, ".maxrows 2\nmarch | select title | sort title")
    assert reply["status"] == "ok" and reply["execution_count"] == 2
    [result] = outputs
    assert result["output_type"] == "execute_result" and result["execution_count"] == 2
    assert "(8 rows; 2 shown, .maxrows sets how many)" in result["data"]["text/plain"]
    assert "<td>…</td>" in result["data"]["text/html"]
    reply, outputs = run_cell(kernel, "$who | mentions | count")
    assert outputs[0]["data"]["text/plain"].strip().isdigit()
    reply, outputs = run_cell(kernel, ".mode csv\ndocuments | during 2019-03 | count by source")
    assert list(outputs[0]["data"]) == ["text/plain"] and outputs[0]["data"]["text/plain"].startswith("source,count\n")


def test_an_error_shows_its_place_and_stops_the_cells_queued_after_it(kernel):
    # The first statement takes a moment, so the second request is surely queued when the error comes.
    failing = kernel.execute(f"sentences | where {SLOW_CLAUSE} | count\ndocuments | where titel contains \"Putin\"\ndocuments | count")
    queued = kernel.execute("documents | count")
    replies = {}
    while len(replies) < 2:
        message = kernel.get_shell_msg(timeout=60)
        replies[message["parent_header"]["msg_id"]] = message["content"]
    assert replies[failing]["status"] == "error" and replies[failing]["ename"] == "DossierError"
    assert replies[failing]["traceback"] == [
        "error: documents have no field 'titel'",
        " --> In[1]:2:19",
        "  |",
        "2 | documents | where titel contains \"Putin\"",
        "  |                   ^^^^^ help: did you mean 'title'?",
        "  = note: documents have the fields: id, title, date, source, url, words, text",
        "(the 1 statement after it in this cell did not run)",
    ]
    assert replies[queued]["status"] == "aborted"
    reply, outputs = run_cell(kernel, "documents | count")
    assert reply["status"] == "ok" and outputs[0]["data"]["text/plain"] == "173\n"


def test_completion_and_inspection_are_the_shells(kernel):
    code = "documents | where ti"
    reply = kernel.complete(code, len(code), reply=True)["content"]
    assert reply["matches"] == ["title"] and (reply["cursor_start"], reply["cursor_end"]) == (18, 20)
    code = "documents\n| mentioning @\"Vladimir P"
    reply = kernel.complete(code, len(code), reply=True)["content"]
    assert reply["matches"] == ['@"Vladimir Putin"'] and reply["cursor_start"] == code.index("@")
    reply = kernel.complete(".mo", 3, reply=True)["content"]
    assert reply["matches"] == [".mode"]
    reply = kernel.inspect("relations | graph", 14, reply=True)["content"]
    assert reply["found"] and "weighted by how many relations" in reply["data"]["text/plain"]
    reply = kernel.inspect("documents | where date during 2019", 19, reply=True)["content"]
    assert reply["found"] and "date: a field of documents (Date)" in reply["data"]["text/plain"]
    reply = kernel.inspect("@putin | relations", 3, reply=True)["content"]
    assert reply["found"] and "kind: person" in reply["data"]["text/plain"]
    kernel.shell_channel.send(kernel.session.msg("is_complete_request", {"code": "documents |"}))
    assert kernel.get_shell_msg(timeout=30)["content"]["status"] == "incomplete"




def test_an_interrupt_cancels_the_running_query_and_the_kernel_goes_on(kernel):
    message_id = kernel.execute(f"sentences | where {SLOW_QUERY} | count")
    time.sleep(1.5)
    kernel.manager.interrupt_kernel()  # SIGINT, as the kernel specification's interrupt_mode says
    # The query takes many seconds; interrupted, it ends as "cancelled" instead of with its count.
    reply = kernel.get_shell_msg(timeout=60)
    assert reply["parent_header"]["msg_id"] == message_id
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Cancelled", reply["content"]
    reply, outputs = run_cell(kernel, "documents | count")
    assert reply["status"] == "ok" and outputs and outputs[0]["data"]["text/plain"] == "173\n", (reply, outputs)


def test_jupyter_console_runs_cells():
    console = subprocess.run(
        [sys.executable, "-m", "jupyter_console", "--kernel", "dossier", "--simple-prompt",
         "--ZMQTerminalInteractiveShell.kernel_timeout=120"],
        input="documents | count\nentities | where kind == person | top 2 by mentions\n", capture_output=True, text=True, timeout=180)
    # Results come back as the execute_result's plain text, under Out[N].
    assert "Out[1]: \n173\n" in console.stdout, console.stdout + console.stderr
    assert "Out[2]: \nname             kind    mentions  documents\n" in console.stdout, console.stdout
    assert "(2 rows)" in console.stdout, console.stdout

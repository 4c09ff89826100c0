"""React streaming server rendering: streamed parts moved to their placeholders."""

from __future__ import annotations

from lxml import html

from reader.core.extract.boilerplate import drop_inert, prune_hidden
from reader.core.extract.streamed import reveal_streamed, streamed_moves

PAGE = (
    "<html><body><main><h1>Index funds</h1><p>Opening paragraph of the guide.</p>"
    "<template id='B:0'></template><div>Loading...</div><p>Closing paragraph.</p></main>"
    "<footer>Site footer</footer>"
    "<div hidden id='S:0'><h2>How they work</h2><p>An index fund tracks a market index.</p></div>"
    '<script>$RC=function(b,c){};$RC("B:0","S:0")</script></body></html>'
)


def _texts(tree: html.HtmlElement) -> list[str]:
    return [element.text_content() for element in tree.iter("h1", "h2", "p", "footer")]


def test_the_script_calls_name_placeholder_and_part() -> None:
    script = '$RC("B:0","S:0");$RS("S:3","P:2");$RC( "B:1" , "S:4" )'
    assert streamed_moves(script) == [("B:0", "S:0"), ("B:1", "S:4"), ("P:2", "S:3")]
    assert streamed_moves("window.dataLayer = [];") == []


def test_a_streamed_part_is_moved_where_the_script_would_put_it() -> None:
    tree = html.document_fromstring(PAGE)
    drop_inert(tree)
    assert _texts(tree) == [
        "Index funds",
        "Opening paragraph of the guide.",
        "How they work",
        "An index fund tracks a market index.",
        "Closing paragraph.",
        "Site footer",
    ]
    assert tree.find(".//div[@hidden]") is None


def test_a_streamed_part_without_its_script_is_not_treated_as_hidden() -> None:
    tree = html.document_fromstring(PAGE.split("<script>")[0] + "</body></html>")
    reveal_streamed(tree, [])
    prune_hidden(tree)
    assert "An index fund tracks a market index." in tree.text_content()
    # Other hidden elements still go.
    hidden = html.document_fromstring(
        "<html><body><p>Text.</p><div hidden>Menu</div></body></html>"
    )
    prune_hidden(hidden)
    assert "Menu" not in hidden.text_content()


def test_a_part_whose_placeholder_is_inside_another_part_stays_where_it_is() -> None:
    tree = html.document_fromstring(
        "<html><body><main><p>Lead paragraph.</p><template id='B:0'></template></main>"
        "<div hidden id='S:0'><div class='toc-wrapper'><template id='P:1'></template></div></div>"
        "<div hidden id='S:1'><p>The body of the article.</p></div></body></html>"
    )
    reveal_streamed(tree, [("B:0", "S:0"), ("P:1", "S:1")])
    prune_hidden(tree)
    main = tree.find(".//main")
    assert main is not None and main.find(".//template[@id='P:1']") is not None
    # The nested part was not moved into the wrapper, and it is still read.
    assert "The body of the article." not in main.text_content()
    assert "The body of the article." in tree.text_content()

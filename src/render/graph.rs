//! The topic graph as inline SVG: topics as circles sized by their mentions, linked by
//! lines as thick as their co-mentions, each topic a link to its page.
//!
//! Where the nodes go is decided in `graph/layout.rs` (deterministic, so the same input
//! gives the same bytes); this file sizes the nodes, cleans the edges and writes the
//! markup with the SVG primitives of `charts/svg.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::charts::svg::{FONT, escape, num, svg_open};

mod layout;

use layout::Shape;

/// A topic in the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The topic's title (long titles are shortened on the chart, whole in the tooltip).
    pub label: String,
    /// The topic page's URL.
    pub href: String,
    /// Mentions of the topic: the circle's area grows with it.
    pub weight: f64,
}

/// Two topics mentioned together.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Index of one node in the `nodes` given to [`graph_svg`].
    pub a: usize,
    /// Index of the other node.
    pub b: usize,
    /// Co-mentions: the line's width grows with it.
    pub weight: f64,
}

/// Labels longer than this are shortened.
const MAX_LABEL: usize = 22;

/// The topic graph as SVG markup, byte-identical for the same input. Edges naming a node
/// that does not exist, or a node with itself, are ignored; edges between the same two
/// nodes are merged. Empty string if there is no node.
pub fn graph_svg(id: &str, title: &str, nodes: &[Node], edges: &[Edge]) -> String {
    if nodes.is_empty() {
        return String::new();
    }
    let shapes = shapes(nodes);
    let edges = merge(edges, nodes.len());
    let (pos, view) = layout::place(&shapes, &edges);
    let desc = describe(nodes, edges.len());
    let mut svg = svg_open(id, "chart graph", title, &desc, view);
    draw_edges(&mut svg, nodes, &edges, &pos);
    for ((node, shape), &(x, y)) in nodes.iter().zip(&shapes).zip(&pos) {
        let _ = write!(
            svg,
            r#"<a href="{}"><title>{}</title><circle class="graph-node" cx="{}" cy="{}" r="{}"/><text class="chart-label" x="{}" y="{}" text-anchor="middle">{}</text></a>"#,
            escape(&node.href),
            escape(&format!("{}: {} mentions", node.label, num(clean(node.weight)))),
            num(x),
            num(y),
            num(shape.r),
            num(x),
            num(y + shape.r + FONT),
            escape(&shape.label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A weight usable for sizes: finite and not negative.
fn clean(w: f64) -> f64 {
    if w.is_finite() { w.max(0.0) } else { 0.0 }
}

/// Radii on a square-root scale (area follows mentions), from 5 to 18 units.
fn shapes(nodes: &[Node]) -> Vec<Shape> {
    let max = nodes.iter().map(|n| clean(n.weight)).fold(0.0, f64::max);
    nodes
        .iter()
        .map(|n| {
            let share = if max > 0.0 { clean(n.weight) / max } else { 0.0 };
            let r = 5.0 + 13.0 * share.sqrt();
            Shape::new(r, shorten(&n.label))
        })
        .collect()
}

/// The label cut to [`MAX_LABEL`] characters with an ellipsis.
fn shorten(label: &str) -> String {
    let label = label.trim();
    if label.chars().count() <= MAX_LABEL {
        return label.to_string();
    }
    let cut: String = label.chars().take(MAX_LABEL - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Valid edges, one per pair (smaller index first), weights summed, in index order.
fn merge(edges: &[Edge], n: usize) -> Vec<(usize, usize, f64)> {
    let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for e in edges.iter().filter(|e| e.a < n && e.b < n && e.a != e.b) {
        *pairs.entry((e.a.min(e.b), e.a.max(e.b))).or_default() += clean(e.weight);
    }
    pairs.into_iter().map(|((a, b), w)| (a, b, w)).collect()
}

/// The `<desc>`: how many topics and links, and each topic's mentions.
fn describe(nodes: &[Node], links: usize) -> String {
    let topics: Vec<String> = nodes
        .iter()
        .map(|n| format!("{} ({})", n.label, num(clean(n.weight))))
        .collect();
    format!(
        "{} topics and {links} links between them. Mentions: {}.",
        nodes.len(),
        topics.join(", ")
    )
}

/// Lines between linked nodes, under the nodes, as wide as their share of co-mentions.
fn draw_edges(svg: &mut String, nodes: &[Node], edges: &[(usize, usize, f64)], pos: &[(f64, f64)]) {
    let heaviest = edges.iter().map(|e| e.2).fold(0.0, f64::max);
    for &(a, b, w) in edges {
        let width = 1.0 + if heaviest > 0.0 { 3.0 * w / heaviest } else { 0.0 };
        let tip = format!("{} – {}: {} co-mentions", nodes[a].label, nodes[b].label, num(w));
        let _ = write!(
            svg,
            r#"<line class="graph-edge" x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor" stroke-opacity="0.35" stroke-width="{}"><title>{}</title></line>"#,
            num(pos[a].0),
            num(pos[a].1),
            num(pos[b].0),
            num(pos[b].1),
            num(width),
            escape(&tip)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: &str, weight: f64) -> Node {
        Node {
            label: label.into(),
            href: format!("/topics/{}/", label.to_lowercase().replace(' ', "-")),
            weight,
        }
    }

    fn edge(a: usize, b: usize, weight: f64) -> Edge {
        Edge { a, b, weight }
    }

    /// Twelve topics of the Amazon notes, linked like a real site: clusters and loners.
    fn amazon() -> (Vec<Node>, Vec<Edge>) {
        let names = "AWS|Project Kuiper|AI stack|Advertising|Prime Video|Regionalization|Bedrock|Trainium|\
            Fulfillment network|Same-day delivery|Zoox|Alexa";
        let nodes = names.split('|').enumerate().map(|(i, n)| node(n, (40 - 3 * i) as f64));
        let links = "0 2 9|0 6 7|0 7 5|2 6 4|2 7 3|5 8 6|8 9 5|5 9 2|3 4 4|0 1 1|11 2 2";
        let numbers = |l: &str| l.split(' ').map(|n| n.parse().unwrap_or(0)).collect::<Vec<usize>>();
        let edges = links.split('|').map(numbers).map(|n| edge(n[0], n[1], n[2] as f64));
        (nodes.collect(), edges.collect())
    }

    /// The numbers in attribute `name` of every `tag` element, read back from the markup.
    fn numbers(svg: &str, tag: &str, name: &str) -> Vec<f64> {
        let value = |s: &str| Some(s.split(&format!(" {name}=\"")).nth(1)?.split('"').next()?.to_string());
        let open = format!("<{tag} ");
        let values: Vec<String> = svg.split(open.as_str()).skip(1).filter_map(value).collect();
        values
            .iter()
            .flat_map(|v| v.split(' '))
            .filter_map(|n| n.parse().ok())
            .collect()
    }

    /// `[cx, cy, r]` of every circle and the viewBox.
    fn parse(svg: &str) -> (Vec<[f64; 3]>, Vec<f64>) {
        let [cx, cy, r] = ["cx", "cy", "r"].map(|a| numbers(svg, "circle", a));
        let circles = (0..cx.len()).map(|i| [cx[i], cy[i], r[i]]).collect();
        (circles, numbers(svg, "svg", "viewBox"))
    }

    #[test]
    fn every_topic_is_a_linked_circle_with_its_label() {
        let (nodes, edges) = amazon();
        let svg = graph_svg("topics", "Topic graph", &nodes, &edges);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"<title id="topics-title">Topic graph</title>"#));
        assert_eq!(svg.matches("<circle").count(), 12);
        assert_eq!(svg.matches("<a href=").count(), 12);
        assert_eq!(svg.matches("<line class=\"graph-edge\"").count(), 11);
        assert!(svg.contains(r#"<a href="/topics/project-kuiper/">"#) && svg.contains(">Project Kuiper</text>"));
        assert!(svg.contains("12 topics and 11 links"));
        assert_eq!(
            svg,
            graph_svg("topics", "Topic graph", &nodes, &edges),
            "same input, same bytes"
        );
    }

    #[test]
    fn nodes_stay_inside_the_view_and_apart() {
        let (nodes, edges) = amazon();
        let (circles, view) = parse(&graph_svg("g", "g", &nodes, &edges));
        let [vx, vy, vw, vh] = view[..] else {
            panic!("no viewBox")
        };
        assert!(vw <= 480.0, "legible at phone width: viewBox {vw} wide");
        for &[x, y, r] in &circles {
            assert!(
                x - r >= vx && y - r >= vy && x + r <= vx + vw && y + r <= vy + vh,
                "{x},{y} r{r}"
            );
        }
        for (i, a) in circles.iter().enumerate() {
            for b in &circles[i + 1..] {
                let d = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
                assert!(d >= a[2] + b[2], "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn weights_size_circles_and_lines() {
        let nodes = [node("Big", 100.0), node("Small", 1.0), node("None", f64::NAN)];
        let svg = graph_svg("w", "w", &nodes, &[edge(0, 1, 10.0), edge(1, 0, 5.0), edge(0, 2, 1.0)]);
        let (circles, _) = parse(&svg);
        assert!(circles[0][2] > circles[1][2] && circles[1][2] > circles[2][2]);
        assert!(
            svg.contains(r#"stroke-width="4"><title>Big – Small: 15 co-mentions"#),
            "merged"
        );
        assert!(svg.contains("None: 0 mentions"));
    }

    #[test]
    fn odd_graphs_still_draw() {
        assert_eq!(graph_svg("e", "e", &[], &[]), "");
        let one = graph_svg("o", "o", &[node("Solo", 3.0)], &[edge(0, 0, 1.0), edge(0, 9, 1.0)]);
        assert_eq!((one.matches("<circle").count(), one.matches("<line").count()), (1, 0));
        let same = vec![node("Twin", 1.0); 3];
        let (circles, _) = parse(&graph_svg("s", "s", &same, &[]));
        assert!(circles.iter().all(|c| c.iter().all(|v| v.is_finite())));
        let long = graph_svg("l", "l", &[node(&"Very long topic title ".repeat(5), 1.0)], &[]);
        assert!(long.contains("…</text>"));
    }

    #[test]
    fn labels_and_links_are_escaped() {
        let n = Node {
            label: "R&D <AI>".into(),
            href: "/t/?a=1&b=\"2\"".into(),
            weight: 1.0,
        };
        let svg = graph_svg("x", "A & B", &[n], &[]);
        assert!(svg.contains(r#"href="/t/?a=1&amp;b=&quot;2&quot;""#));
        assert!(svg.contains(">R&amp;D &lt;AI&gt;</text>") && svg.contains(">A &amp; B</title>"));
    }
}
